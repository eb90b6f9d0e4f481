using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Customers;

public sealed class RecipientsAndStakeholdersTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task A_recipient_is_added_changed_and_removed()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");

        var response = await client.PostAsJsonAsync($"/api/customers/{tomId}/recipients", new
        {
            name = "Elsa Lindqvist",
            relationship = "daughter",
            phone = "(913) 555-0177",
            address = new { line1 = "88 College Blvd", city = "Overland Park", region = "KS", postalCode = "66210" },
        }, Ct);

        var added = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        var recipientId = added.Id();
        response.Headers.Location!.OriginalString.ShouldBe($"/api/customers/{tomId}/recipients/{recipientId}");
        added.Str("name").ShouldBe("Elsa Lindqvist");
        added.GetProperty("address").Str("city").ShouldBe("Overland Park");
        Recipient(await client.GetJsonAsync($"/api/customers/{tomId}"), recipientId).Str("relationship").ShouldBe("daughter");

        var patched = await (await client.PatchAsJsonAsync($"/api/customers/{tomId}/recipients/{recipientId}", new { relationship = "granddaughter" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        patched.Str("relationship").ShouldBe("granddaughter");
        var onFile = Recipient(await client.GetJsonAsync($"/api/customers/{tomId}"), recipientId);
        onFile.Str("relationship").ShouldBe("granddaughter");
        onFile.Str("name").ShouldBe("Elsa Lindqvist");
        onFile.GetProperty("address").Str("line1").ShouldBe("88 College Blvd");

        (await client.DeleteAsync($"/api/customers/{tomId}/recipients/{recipientId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var recipients = (await client.GetJsonAsync($"/api/customers/{tomId}")).GetProperty("recipients").EnumerateArray();
        recipients.Select(r => r.Id()).ShouldNotContain(recipientId);
        recipients.Select(r => r.Str("name")).ShouldContain("Maria Lindqvist");
        await (await client.DeleteAsync($"/api/customers/{tomId}/recipients/{recipientId}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PatchAsJsonAsync($"/api/customers/{tomId}/recipients/{recipientId}", new { name = "X" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_customers_recipient_is_404_through_this_customer_and_unchanged()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var other = (await (await client.PostAsJsonAsync("/api/customers", new { kind = "person", name = "Other Sender" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created)).Id();
        var maria = (await client.GetJsonAsync($"/api/customers/{tomId}")).GetProperty("recipients").EnumerateArray()
            .Single(r => r.Str("name") == "Maria Lindqvist");

        await (await client.PatchAsJsonAsync($"/api/customers/{other}/recipients/{maria.Id()}", new { relationship = "stranger" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync($"/api/customers/{other}/recipients/{maria.Id()}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        Recipient(await client.GetJsonAsync($"/api/customers/{tomId}"), maria.Id()).GetRawText().ShouldBe(maria.GetRawText());
    }

    [Theory]
    [InlineData("""{ "relationship": "friend" }""", "name")]
    [InlineData("""{ "name": "No City", "address": { "line1": "1 Main St", "postalCode": "66208" } }""", "address.city")]
    [InlineData("""{ "name": "Bad Phone", "phone": "not a phone" }""", "phone")]
    public async Task An_invalid_recipient_is_422_naming_the_field_and_nothing_is_stored(string json, string field)
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var before = (await client.GetJsonAsync($"/api/customers/{tomId}")).GetProperty("recipients").GetRawText();

        var response = await client.PostAsync($"/api/customers/{tomId}/recipients", Json(json), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, field);
        (await client.GetJsonAsync($"/api/customers/{tomId}")).GetProperty("recipients").GetRawText().ShouldBe(before);
    }

    [Fact]
    public async Task A_stakeholder_joins_changes_role_and_leaves_an_organisations_buying_committee()
    {
        var client = await app.ClientAsync("sales@harbor.example");
        var org = await (await client.PostAsJsonAsync("/api/customers", new { kind = "organization", name = "Seaside Clinic" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);

        var response = await client.PostAsJsonAsync($"/api/customers/{org.Id()}/stakeholders",
            new { name = "Priya Natarajan", title = "Facilities Director", role = "economicBuyer", email = "priya@seaside.example" }, Ct);

        var added = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        var stakeholderId = added.Id();
        response.Headers.Location!.OriginalString.ShouldBe($"/api/customers/{org.Id()}/stakeholders/{stakeholderId}");
        added.Str("role").ShouldBe("economicBuyer");
        added.Str("title").ShouldBe("Facilities Director");

        (await (await client.PatchAsJsonAsync($"/api/customers/{org.Id()}/stakeholders/{stakeholderId}", new { role = "blocker" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK)).Str("role").ShouldBe("blocker");
        var committee = (await client.GetJsonAsync($"/api/customers/{org.Id()}")).GetProperty("stakeholders").EnumerateArray().ToList();
        var onFile = committee.ShouldHaveSingleItem();
        onFile.Id().ShouldBe(stakeholderId);
        onFile.Str("role").ShouldBe("blocker");
        onFile.Str("name").ShouldBe("Priya Natarajan");
        onFile.Str("title").ShouldBe("Facilities Director");

        (await client.DeleteAsync($"/api/customers/{org.Id()}/stakeholders/{stakeholderId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetJsonAsync($"/api/customers/{org.Id()}")).GetProperty("stakeholders").GetArrayLength().ShouldBe(0);
        await (await client.DeleteAsync($"/api/customers/{org.Id()}/stakeholders/{stakeholderId}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_person_has_no_buying_committee_422_and_nothing_is_stored()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");

        var response = await client.PostAsJsonAsync($"/api/customers/{tomId}/stakeholders", new { name = "Maria Lindqvist", role = "decisionMaker" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        (await app.WithDbAsync(bloom, db => db.Stakeholders.CountAsync(s => s.CustomerId == tomId, Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task A_stakeholder_needs_a_known_role()
    {
        var client = await app.ClientAsync("sales@harbor.example");
        var hotel = await app.CustomerIdAsync(DemoData.Harbor, "Grand Pier Hotel");
        var before = (await client.GetJsonAsync($"/api/customers/{hotel}")).GetProperty("stakeholders").GetRawText();

        await (await client.PostAsync($"/api/customers/{hotel}/stakeholders", Json("""{ "name": "Ann Lee", "role": "cheerleader" }"""), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "role");
        await (await client.PostAsync($"/api/customers/{hotel}/stakeholders", Json("""{ "name": "Ann Lee" }"""), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "role");

        (await client.GetJsonAsync($"/api/customers/{hotel}")).GetProperty("stakeholders").GetRawText().ShouldBe(before);
    }

    private static System.Text.Json.JsonElement Recipient(System.Text.Json.JsonElement file, Guid id) =>
        file.GetProperty("recipients").EnumerateArray().Single(r => r.Id() == id);
}
