using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommissioningPortal.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PassportReminderAndQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ReminderSentOn",
                table: "PassportItems",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PassportItems_Status_CreatedAt",
                table: "PassportItems",
                columns: new[] { "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PassportItems_Status_CreatedAt",
                table: "PassportItems");

            migrationBuilder.DropColumn(
                name: "ReminderSentOn",
                table: "PassportItems");
        }
    }
}
