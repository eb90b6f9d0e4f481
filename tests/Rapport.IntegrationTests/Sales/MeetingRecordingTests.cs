using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Sales;

/// <summary>Rapport with recordings kept in a folder of this test's own and a 1 MB limit.</summary>
public sealed class RecordingApp : RapportApp
{
    public const long Limit = 1024 * 1024;

    public string FilesPath { get; } = Path.Combine(Path.GetTempPath(), "rapport-recordings-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Files:Path"] = FilesPath,
            ["Files:MaxRecordingBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(FilesPath)) Directory.Delete(FilesPath, recursive: true);
    }
}

/// <summary>A meeting's recording: audio only, recognised by its content; kept outside the web root; heard only by the business's staff.</summary>
public sealed class MeetingRecordingTests(RecordingApp app) : IClassFixture<RecordingApp>
{
    private static byte[] Mp3(int length)
    {
        var bytes = new byte[length];
        "ID3"u8.CopyTo(bytes);
        bytes[3] = 4;
        new Random(7).NextBytes(bytes.AsSpan(10));
        return bytes;
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private async Task<(SalesData Data, TestAccount Account, Guid MeetingId)> MeetingAsync(string name)
    {
        var data = await SalesData.ForAsync(app);
        var account = await data.AccountAsync(name);
        var sales = await data.ClientAsync(SalesData.Sales);
        var meeting = await (await sales.PostAsJsonAsync("/api/meetings", new
        {
            customerId = account.Id, objective = "Walk the laundry room with the chief engineer", kind = "meeting",
            scheduledAt = DateTime.UtcNow.AddHours(-1), invitees = new[] { account.TechnicalEvaluator },
        }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        meeting.Str("objective").ShouldBe("other");
        meeting.Str("objectiveLabel").ShouldBe("Walk the laundry room with the chief engineer");
        return (data, account, meeting.Id());
    }

    private int StoredFiles() => Directory.Exists(app.FilesPath) ? Directory.GetFiles(app.FilesPath, "*", SearchOption.AllDirectories).Length : 0;

    [Fact]
    public async Task Good_audio_is_kept_outside_the_web_root_and_served_back_as_an_attachment_that_is_never_sniffed()
    {
        var (_, _, meetingId) = await MeetingAsync("Recording Resort");
        var sales = await app.ClientAsync(SalesData.Sales);
        var audio = Mp3(64 * 1024);
        var before = Directory.Exists(app.FilesPath) ? Directory.GetFiles(app.FilesPath, "*.mp3", SearchOption.AllDirectories) : [];

        var meeting = await (await sales.PostAsync($"/api/meetings/{meetingId}/recording", Upload(audio, "site visit <1>.mp3", "audio/mpeg"), Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);

        var recording = meeting.GetProperty("recording");
        (recording.Str("contentType"), recording.Str("fileName"), recording.GetProperty("length").GetInt64()).ShouldBe(("audio/mpeg", "site visit 1.mp3", audio.Length));
        // Other tests of this class keep recordings of their own meetings in the same folder.
        var stored = Directory.GetFiles(app.FilesPath, "*.mp3", SearchOption.AllDirectories).Except(before).ShouldHaveSingleItem();
        stored.ShouldNotContain("wwwroot");
        (await File.ReadAllBytesAsync(stored, Ct)).ShouldBe(audio);

        var manager = await app.ClientAsync(SalesData.Manager);
        var download = await manager.GetAsync(recording.Str("url"), Ct);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("audio/mpeg");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe("site visit 1.mp3");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await download.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(audio);
    }

    [Fact]
    public async Task An_html_page_renamed_mp3_is_refused_by_its_content_and_nothing_is_kept()
    {
        var (data, _, meetingId) = await MeetingAsync("Sneaky Upload Hotel");
        var sales = await app.ClientAsync(SalesData.Sales);
        var before = StoredFiles();
        var html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");

        await (await sales.PostAsync($"/api/meetings/{meetingId}/recording", Upload(html, "call.mp3", "audio/mpeg"), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "file");

        StoredFiles().ShouldBe(before);
        (await data.DbAsync(db => db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => m.Recording).SingleAsync(Ct))).ShouldBeNull();
        await (await sales.GetAsync($"/api/meetings/{meetingId}/recording", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_recording_over_the_limit_is_refused_naming_the_file()
    {
        var (_, _, meetingId) = await MeetingAsync("Big File Inn");
        var sales = await app.ClientAsync(SalesData.Sales);
        var before = StoredFiles();

        await (await sales.PostAsync($"/api/meetings/{meetingId}/recording", Upload(Mp3((int)RecordingApp.Limit + 1), "long.mp3", "audio/mpeg"), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "file");
        await (await sales.PostAsync($"/api/meetings/{meetingId}/recording", Upload(Mp3((int)RecordingApp.Limit * 2), "longer.mp3", "audio/mpeg"), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "file");
        await (await sales.PostAsync($"/api/meetings/{meetingId}/recording", new MultipartFormDataContent { { new StringContent("no file"), "note" } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "file");
        StoredFiles().ShouldBe(before);
    }

    [Fact]
    public async Task Another_business_and_drivers_can_neither_hear_nor_attach_a_recording()
    {
        var (_, _, meetingId) = await MeetingAsync("Private Recording Lodge");
        var sales = await app.ClientAsync(SalesData.Sales);
        await (await sales.PostAsync($"/api/meetings/{meetingId}/recording", Upload(Mp3(2048), "a.mp3", "audio/mpeg"), Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);

        foreach (var outsider in new[] { SalesData.BloomManager, SalesData.Driver })
        {
            var client = await app.ClientAsync(outsider);
            await (await client.GetAsync($"/api/meetings/{meetingId}/recording", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await client.GetAsync($"/api/meetings/{meetingId}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await client.PostAsync($"/api/meetings/{meetingId}/recording", Upload(Mp3(2048), "b.mp3", "audio/mpeg"), Ct))
                .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
        (await app.CreateApiClient().GetAsync($"/api/meetings/{meetingId}/recording", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_meeting_needs_an_objective_and_its_outcome_lands_on_the_timeline_once()
    {
        var (data, account, meetingId) = await MeetingAsync("Outcome Hotel");
        var sales = await app.ClientAsync(SalesData.Sales);

        await (await sales.PostAsJsonAsync("/api/meetings", new { customerId = account.Id, scheduledAt = DateTime.UtcNow }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "objective");
        await (await sales.PostAsJsonAsync("/api/meetings", new { customerId = account.Id, objective = "other", scheduledAt = DateTime.UtcNow }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "objectiveText");
        await (await sales.PostAsJsonAsync("/api/meetings", new { customerId = account.Id, objective = "askForReferral", scheduledAt = DateTime.UtcNow, invitees = new[] { Guid.NewGuid() } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "invitees");
        await (await sales.PostAsJsonAsync($"/api/meetings/{meetingId}/outcome", new { attendees = new[] { account.TechnicalEvaluator } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "outcome");

        var logged = await (await sales.PostAsJsonAsync($"/api/meetings/{meetingId}/outcome", new
        {
            outcome = "partly", attendees = new[] { account.TechnicalEvaluator }, nextStep = "Bring the GM", nextStepOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)), notes = "Drain too small.",
        }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
        logged.Str("outcome").ShouldBe("partly");
        logged.GetProperty("attendees").EnumerateArray().Single().Str("name").ShouldBe("Ken Watanabe");
        await (await sales.PostAsJsonAsync($"/api/meetings/{meetingId}/outcome", new { outcome = "achieved" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // Dated when it took place (an hour ago), so it sits below the planning entry of a moment ago.
        var entry = (await sales.GetJsonAsync($"/api/customers/{account.Id}/timeline?limit=5")).Items().Single(e => e.Str("summary").StartsWith("Meeting:"));
        entry.Str("summary").ShouldStartWith("Meeting: Walk the laundry room with the chief engineer, partly achieved. Attended: Ken Watanabe (Chief Engineer). Next: Bring the GM by ");
        entry.Str("tone").ShouldBe("neutral");
        (await data.DbAsync(db => db.Interactions.CountAsync(i => i.CustomerId == account.Id, Ct))).ShouldBe(2);
    }
}
