using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Deals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Playbooks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProductLine = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CurrentVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    CurrentVersionNumber = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Playbooks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlaybookVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlaybookId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Stages = table.Column<string>(type: "text", nullable: false),
                    Milestones = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaybookVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlaybookVersions_Playbooks_PlaybookId",
                        column: x => x.PlaybookId,
                        principalTable: "Playbooks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Deals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PlaybookId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlaybookVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    StageEnteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    ExpectedCloseOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ProductLines = table.Column<string>(type: "text", nullable: false),
                    Competitors = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Stamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Deals_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Deals_PlaybookVersions_PlaybookVersionId",
                        column: x => x.PlaybookVersionId,
                        principalTable: "PlaybookVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Deals_Playbooks_PlaybookId",
                        column: x => x.PlaybookId,
                        principalTable: "Playbooks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DealAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Value = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AnsweredById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DealAnswers_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DealCommittee",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    StakeholderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Strength = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealCommittee", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DealCommittee_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DealCommittee_Stakeholders_StakeholderId",
                        column: x => x.StakeholderId,
                        principalTable: "Stakeholders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DealEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    StepId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ById = table.Column<Guid>(type: "uuid", nullable: true),
                    ByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Document = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    QuoteId = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DealEvidence_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DealMilestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    MilestoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CompletedById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DealMilestones_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DealOverrides",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromStage = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ToStage = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ById = table.Column<Guid>(type: "uuid", nullable: true),
                    ByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    MissingSteps = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealOverrides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DealOverrides_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DealStageChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromStage = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ToStage = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ById = table.Column<Guid>(type: "uuid", nullable: true),
                    ByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    OverrideId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealStageChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DealStageChanges_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Objective = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ObjectiveText = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ScheduledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Invitees = table.Column<string>(type: "text", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    HeldAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attendees = table.Column<string>(type: "text", nullable: false),
                    NextStep = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    NextStepOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OutcomeById = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordingStoredName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    RecordingFileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RecordingContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RecordingLength = table.Column<long>(type: "bigint", nullable: true),
                    RecordingUploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RecordingUploadedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Meetings_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Meetings_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Quotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Price = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ExpectedAnnualReturn = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    ReturnNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    PublicToken = table.Column<string>(type: "character varying(43)", maxLength: 43, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FirstViewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Quotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Quotes_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuoteLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuoteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuoteLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuoteLines_Quotes_QuoteId",
                        column: x => x.QuoteId,
                        principalTable: "Quotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DealAnswers_BusinessId",
                table: "DealAnswers",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_DealAnswers_DealId_QuestionId",
                table: "DealAnswers",
                columns: new[] { "DealId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DealCommittee_BusinessId",
                table: "DealCommittee",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_DealCommittee_DealId_StakeholderId",
                table: "DealCommittee",
                columns: new[] { "DealId", "StakeholderId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DealCommittee_StakeholderId",
                table: "DealCommittee",
                column: "StakeholderId");

            migrationBuilder.CreateIndex(
                name: "IX_DealEvidence_BusinessId",
                table: "DealEvidence",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_DealEvidence_DealId_StepId",
                table: "DealEvidence",
                columns: new[] { "DealId", "StepId" });

            migrationBuilder.CreateIndex(
                name: "IX_DealMilestones_BusinessId",
                table: "DealMilestones",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_DealMilestones_BusinessId_DueOn",
                table: "DealMilestones",
                columns: new[] { "BusinessId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DealMilestones_DealId_MilestoneId",
                table: "DealMilestones",
                columns: new[] { "DealId", "MilestoneId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DealOverrides_BusinessId",
                table: "DealOverrides",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_DealOverrides_DealId",
                table: "DealOverrides",
                column: "DealId");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_BusinessId",
                table: "Deals",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_BusinessId_OwnerId_Id",
                table: "Deals",
                columns: new[] { "BusinessId", "OwnerId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_BusinessId_Stage_Id",
                table: "Deals",
                columns: new[] { "BusinessId", "Stage", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_CustomerId",
                table: "Deals",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_PlaybookId",
                table: "Deals",
                column: "PlaybookId");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_PlaybookVersionId",
                table: "Deals",
                column: "PlaybookVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_DealStageChanges_BusinessId",
                table: "DealStageChanges",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_DealStageChanges_DealId_At",
                table: "DealStageChanges",
                columns: new[] { "DealId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_BusinessId",
                table: "Meetings",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_CustomerId_ScheduledAt",
                table: "Meetings",
                columns: new[] { "CustomerId", "ScheduledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_DealId_ScheduledAt",
                table: "Meetings",
                columns: new[] { "DealId", "ScheduledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Playbooks_BusinessId",
                table: "Playbooks",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_Playbooks_BusinessId_Name",
                table: "Playbooks",
                columns: new[] { "BusinessId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookVersions_BusinessId",
                table: "PlaybookVersions",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookVersions_PlaybookId_Number",
                table: "PlaybookVersions",
                columns: new[] { "PlaybookId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuoteLines_BusinessId",
                table: "QuoteLines",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_QuoteLines_QuoteId",
                table: "QuoteLines",
                column: "QuoteId");

            migrationBuilder.CreateIndex(
                name: "IX_Quotes_BusinessId",
                table: "Quotes",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_Quotes_DealId",
                table: "Quotes",
                column: "DealId");

            migrationBuilder.CreateIndex(
                name: "IX_Quotes_PublicToken",
                table: "Quotes",
                column: "PublicToken",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DealAnswers");

            migrationBuilder.DropTable(
                name: "DealCommittee");

            migrationBuilder.DropTable(
                name: "DealEvidence");

            migrationBuilder.DropTable(
                name: "DealMilestones");

            migrationBuilder.DropTable(
                name: "DealOverrides");

            migrationBuilder.DropTable(
                name: "DealStageChanges");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "QuoteLines");

            migrationBuilder.DropTable(
                name: "Quotes");

            migrationBuilder.DropTable(
                name: "Deals");

            migrationBuilder.DropTable(
                name: "PlaybookVersions");

            migrationBuilder.DropTable(
                name: "Playbooks");
        }
    }
}
