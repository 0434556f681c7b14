using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommissioningPortal.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class InboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_AuthorityId_Role_ClosedAt",
                table: "WorkItems");

            migrationBuilder.DropIndex(
                name: "IX_WorkItems_UserId_ClosedAt",
                table: "WorkItems");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_AuthorityId_Role_ClosedAt_DueAt_CreatedAt",
                table: "WorkItems",
                columns: new[] { "AuthorityId", "Role", "ClosedAt", "DueAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_UserId_ClosedAt_DueAt_CreatedAt",
                table: "WorkItems",
                columns: new[] { "UserId", "ClosedAt", "DueAt", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_AuthorityId_Role_ClosedAt_DueAt_CreatedAt",
                table: "WorkItems");

            migrationBuilder.DropIndex(
                name: "IX_WorkItems_UserId_ClosedAt_DueAt_CreatedAt",
                table: "WorkItems");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_AuthorityId_Role_ClosedAt",
                table: "WorkItems",
                columns: new[] { "AuthorityId", "Role", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_UserId_ClosedAt",
                table: "WorkItems",
                columns: new[] { "UserId", "ClosedAt" });
        }
    }
}
