using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommissioningPortal.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AddCareInspectorateGrades : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CareServiceType",
                table: "PassportItems",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClientGroupScope",
                table: "PassportItems",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GradeCarePlanning",
                table: "PassportItems",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GradeLeadership",
                table: "PassportItems",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GradeSetting",
                table: "PassportItems",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GradeStaffTeam",
                table: "PassportItems",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GradeWellbeing",
                table: "PassportItems",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "GradedOn",
                table: "PassportItems",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CareServiceType",
                table: "PassportItems");

            migrationBuilder.DropColumn(
                name: "ClientGroupScope",
                table: "PassportItems");

            migrationBuilder.DropColumn(
                name: "GradeCarePlanning",
                table: "PassportItems");

            migrationBuilder.DropColumn(
                name: "GradeLeadership",
                table: "PassportItems");

            migrationBuilder.DropColumn(
                name: "GradeSetting",
                table: "PassportItems");

            migrationBuilder.DropColumn(
                name: "GradeStaffTeam",
                table: "PassportItems");

            migrationBuilder.DropColumn(
                name: "GradeWellbeing",
                table: "PassportItems");

            migrationBuilder.DropColumn(
                name: "GradedOn",
                table: "PassportItems");
        }
    }
}
