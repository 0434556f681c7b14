using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommissioningPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddInvitationWithdrawal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "WithdrawnAt",
                table: "ProviderInvitations",
                type: "INTEGER",
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
