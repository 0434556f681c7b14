using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommissioningPortal.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AddInvitationWithdrawal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WithdrawnAt",
                table: "ProviderInvitations",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "ProviderInvitations");
        }
    }
}
