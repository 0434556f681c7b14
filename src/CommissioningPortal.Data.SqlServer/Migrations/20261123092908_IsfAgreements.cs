using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommissioningPortal.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class IsfAgreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContractTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorityId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Markdown = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    PublishedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractTemplates_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupportedPeople",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorityId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    RepresentativeName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    RepresentativeRelationship = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    RepresentativeUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Outcomes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportedPeople", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportedPeople_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IsfAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    AuthorityId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SupportedPersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WorkflowInstanceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CurrentVersion = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IsfAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IsfAgreements_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IsfAgreements_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IsfAgreements_SupportedPeople_SupportedPersonId",
                        column: x => x.SupportedPersonId,
                        principalTable: "SupportedPeople",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IsfAgreementVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    TermsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ChangeSummary = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    TemplateId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    OfferedPdf = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    OfferedSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    FinalPdf = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    FinalSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    AuthorisedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Superseded = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IsfAgreementVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IsfAgreementVersions_IsfAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "IsfAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IsfAcceptances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Party = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IsfAcceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IsfAcceptances_IsfAgreementVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "IsfAgreementVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContractTemplates_AuthorityId_Kind_Number",
                table: "ContractTemplates",
                columns: new[] { "AuthorityId", "Kind", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IsfAcceptances_VersionId_Party",
                table: "IsfAcceptances",
                columns: new[] { "VersionId", "Party" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IsfAgreements_AuthorityId",
                table: "IsfAgreements",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_IsfAgreements_ProviderId",
                table: "IsfAgreements",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_IsfAgreements_Reference",
                table: "IsfAgreements",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IsfAgreements_SupportedPersonId",
                table: "IsfAgreements",
                column: "SupportedPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_IsfAgreements_WorkflowInstanceId",
                table: "IsfAgreements",
                column: "WorkflowInstanceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IsfAgreementVersions_AgreementId_Number",
                table: "IsfAgreementVersions",
                columns: new[] { "AgreementId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IsfAgreementVersions_FinalSha256",
                table: "IsfAgreementVersions",
                column: "FinalSha256");

            migrationBuilder.CreateIndex(
                name: "IX_IsfAgreementVersions_OfferedSha256",
                table: "IsfAgreementVersions",
                column: "OfferedSha256");

            migrationBuilder.CreateIndex(
                name: "IX_SupportedPeople_AuthorityId",
                table: "SupportedPeople",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportedPeople_RepresentativeUserId",
                table: "SupportedPeople",
                column: "RepresentativeUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportedPeople_UserId",
                table: "SupportedPeople",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContractTemplates");

            migrationBuilder.DropTable(
                name: "IsfAcceptances");

            migrationBuilder.DropTable(
                name: "IsfAgreementVersions");

            migrationBuilder.DropTable(
                name: "IsfAgreements");

            migrationBuilder.DropTable(
                name: "SupportedPeople");
        }
    }
}
