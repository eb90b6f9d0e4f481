using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Sales;
using Rapport.Web.Hosting;

namespace Rapport.Web.Sales;

/// <summary>Calls and meetings with an objective, their outcome, and their recording.</summary>
public static class MeetingEndpoints
{
    internal static IEndpointRouteBuilder MapMeetings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings").WithTags("Meetings").RequireAuthorization(Policies.Staff);
        group.MapPost("/", Plan).WithName("PlanMeeting")
            .WithSummary("Plans a call or meeting with a customer (on a deal or not): its objective, when, and the stakeholders invited.")
            .WithDescription("`objective`: advanceStage, discoverNeeds, meetNewStakeholder, askForReferral, askForTestimonial, presentUpsell, "
                + "presentCrossSell, resolveIssue, other (with `objectiveText`), or the objective in words. `kind`: meeting (default), call or video. "
                + "It lands on the customer's timeline.");
        group.MapGet("/", List).WithName("ListMeetings")
            .WithSummary("A customer's calls and meetings (`customerId`), on a deal or not, planned and held, latest first, a page at a time.")
            .WithDescription("`limit` 1–100 (10 when left out); `next` is an opaque cursor for `before`, null on the last page. Drivers may not see meetings (403).");
        group.MapGet("/{id}", Get).WithName("GetMeeting").WithSummary("A meeting with its objective, invitees, outcome, attendees and recording.");
        group.MapPost("/{id}/outcome", Outcome).WithName("RecordMeetingOutcome")
            .WithSummary("Logs how it went against its objective (achieved, partly, notAchieved), who attended, the next step with a date, and notes.")
            .WithDescription("Lands on the customer's timeline. On a deal, the attendees count for the gate's meeting-held steps by their committee roles.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/recording", Upload).WithName("AttachMeetingRecording")
            .WithSummary("Attaches the recording: multipart form field `file`, an mp3, ogg, wav, webm or m4a file, recognised by its content.")
            .WithDescription("Other content (an HTML page renamed .mp3) is 422; beyond the size limit 413 or 422, naming `file`. A new recording replaces the old.")
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/{id}/recording", Download).WithName("DownloadMeetingRecording")
            .WithSummary("The recording, to staff of the business: as an attachment with its audio type, never rendered as a page.");
        // The same file for the staff pages' audio player, which signs in by cookie rather than bearer token.
        app.MapGet("/app/meetings/{id}/recording", Download).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Created<MeetingView>, ProblemHttpResult>> Plan(
        PlanMeeting.Command command, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await PlanMeeting.HandleAsync(db, actor, command, time, ct)).ToCreated(m => $"/api/meetings/{m.Id}");

    private static async Task<Results<Ok<Page<MeetingView>>, ProblemHttpResult>> List(
        Guid? customerId, int? limit, string? before, RapportDb db, Actor actor, CancellationToken ct) =>
        customerId is not { } id
            ? ApiResults.Problem(Core.Common.Failure.Invalid("customerId", "Say which customer's meetings to list."))
            : (await ListMeetings.HandleAsync(db, actor, new(id, limit, before), ct)).ToOk();

    private static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> Get(Guid id, RapportDb db, Actor actor, CancellationToken ct) =>
        (await MeetingAccess.GetAsync(db, actor, id, ct)).ToOk();

    private static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> Outcome(
        Guid id, RecordMeetingOutcome.Command command, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await RecordMeetingOutcome.HandleAsync(db, actor, id, command, time, ct)).ToOk();

    private static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> Upload(
        Guid id, IFormFile? file, RapportDb db, Actor actor, RecordingStore store, TimeProvider time, CancellationToken ct)
    {
        if (file is null)
            return ApiResults.Problem(Core.Common.Failure.Invalid("file", "Attach the recording as the multipart form field \u201cfile\u201d."));
        await using var content = file.OpenReadStream();
        return (await AttachRecording.HandleAsync(db, actor, id, new AttachRecording.Command(file.FileName, file.Length, content), store, time, ct)).ToOk();
    }

    private static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> Download(
        Guid id, HttpContext http, RapportDb db, Actor actor, RecordingStore store, CancellationToken ct)
    {
        var found = await AttachRecording.OpenAsync(db, actor, id, store, ct);
        if (!found.Succeeded) return ApiResults.Problem(found.Failure);
        var (recording, path) = found.Value;
        // Served as what the content was recognised as, never sniffed into something else.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.PhysicalFile(path, recording.ContentType, recording.FileName, enableRangeProcessing: true);
    }
}
