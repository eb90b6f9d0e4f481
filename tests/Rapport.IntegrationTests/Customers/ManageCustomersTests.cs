using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Customers;

public sealed class ManageCustomersTests(RapportApp app) : IClassFixture<RapportApp>
{
    private static readonly object Ada = new
    {
        kind = "person",
        name = "Ada Nilsson",
        phone = "816.555.0188",
        email = "ada.nilsson@example.org",
        addresses = new[] { new { label = "home", line1 = "12 Elm St", city = "Leawood", region = "KS", postalCode = "66211" } },
        preferences = new { standingBudget = 40, likes = "peonies", notes = "Prefers texts", internalNotes = "Referred by Tom" },
    };

    [Fact]
    public async Task Creating_a_customer_answers_201_with_Location_and_the_file()
    {
        var client = await app.ClientAsync("sales@bloom.example");

        var response = await client.PostAsJsonAsync("/api/customers", Ada, Ct);

        var created = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = created.Id();
        response.Headers.Location!.OriginalString.ShouldBe($"/api/customers/{id}");
        created.Str("kind").ShouldBe("person");
        created.Str("name").ShouldBe("Ada Nilsson");
        created.Str("phone").ShouldBe("816.555.0188");
        created.Str("email").ShouldBe("ada.nilsson@example.org");
        created.GetProperty("preferences").GetProperty("standingBudget").GetDecimal().ShouldBe(40m);
        created.GetProperty("loyalty").Str("tier").ShouldBe("new");
        created.GetProperty("recipients").GetArrayLength().ShouldBe(0);

        var fetched = await client.GetJsonAsync(response.Headers.Location.OriginalString);
        fetched.Str("name").ShouldBe("Ada Nilsson");
        fetched.GetProperty("addresses")[0].GetProperty("address").Str("city").ShouldBe("Leawood");
        fetched.GetProperty("preferences").Str("internalNotes").ShouldBe("Referred by Tom");

        (await client.GetJsonAsync("/api/customers?q=(816)%20555-0188")).Items().ShouldContain(i => i.Id() == id);
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        (await app.WithDbAsync(bloom, db => db.Customers.AnyAsync(c => c.Id == id && c.BusinessId == bloom, Ct))).ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{ "name": "No Kind" }""", "kind")]
    [InlineData("""{ "kind": "person" }""", "name")]
    [InlineData("""{ "kind": "person", "name": "   " }""", "name")]
    [InlineData("""{ "kind": "person", "name": "Bad Mail", "email": "not-an-address" }""", "email")]
    [InlineData("""{ "kind": "person", "name": "Bad Phone", "phone": "call me maybe" }""", "phone")]
    [InlineData("""{ "kind": "person", "name": "Bad Budget", "preferences": { "standingBudget": -5 } }""", "preferences.standingBudget")]
    [InlineData("""{ "kind": "person", "name": "Bad Address", "addresses": [ { "line1": "1 Main St" } ] }""", "addresses[0].city")]
    public async Task An_invalid_customer_is_422_naming_the_field_and_nothing_is_stored(string json, string field)
    {
        var client = await app.ClientAsync("sales@bloom.example");
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var before = await app.WithDbAsync(bloom, db => db.Customers.IgnoreQueryFilters().CountAsync(Ct));

        var response = await client.PostAsync("/api/customers", Json(json), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, field);
        (await app.WithDbAsync(bloom, db => db.Customers.IgnoreQueryFilters().CountAsync(Ct))).ShouldBe(before);
    }

    [Fact]
    public async Task Patch_changes_given_fields_keeps_absent_ones_and_clears_empty_ones()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var id = (await (await client.PostAsJsonAsync("/api/customers", Ada, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created)).Id();

        var response = await client.PatchAsJsonAsync($"/api/customers/{id}",
            new { name = "Ada Berg", phone = "(913) 555-0166", email = "", preferences = new { likes = "ranunculus" } }, Ct);

        var patched = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        patched.Str("name").ShouldBe("Ada Berg");
        var file = await client.GetJsonAsync($"/api/customers/{id}");
        file.Str("name").ShouldBe("Ada Berg");
        file.Str("phone").ShouldBe("(913) 555-0166");
        file.HasValue("email").ShouldBeFalse();
        file.Str("kind").ShouldBe("person");
        file.GetProperty("preferences").Str("likes").ShouldBe("ranunculus");
        file.GetProperty("preferences").Str("notes").ShouldBe("Prefers texts");
        file.GetProperty("preferences").GetProperty("standingBudget").GetDecimal().ShouldBe(40m);
        file.GetProperty("addresses").GetArrayLength().ShouldBe(1);

        // The demo's customers may share the last seven digits in another area code: the patched one must be among the matches.
        (await client.GetJsonAsync("/api/customers?q=913-555-0166")).Items().ShouldContain(i => i.Id() == id);
        (await client.GetJsonAsync("/api/customers?q=816.555.0188")).Items().ShouldNotContain(i => i.Id() == id);
    }

    [Fact]
    public async Task Patch_with_lists_replaces_phones_emails_and_addresses()
    {
        var client = await app.ClientAsync("sales@bloom.example");
        var id = (await (await client.PostAsJsonAsync("/api/customers", Ada, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created)).Id();

        var response = await client.PatchAsJsonAsync($"/api/customers/{id}", new
        {
            phones = new[] { new { value = "(816) 555-0111", label = "mobile" }, new { value = "816-555-0112", label = "work" } },
            emails = new[] { new { value = "ada@work.example", label = "work" } },
            addresses = new[] { new { label = "work", line1 = "1 Main St", city = "Kansas City", region = "MO", postalCode = "64105" } },
        }, Ct);

        await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        var file = await client.GetJsonAsync($"/api/customers/{id}");
        file.GetProperty("phones").EnumerateArray().Select(p => p.Str("value")).ShouldBe(["(816) 555-0111", "816-555-0112"]);
        file.Str("phone").ShouldBe("(816) 555-0111");
        file.GetProperty("emails").EnumerateArray().Select(p => p.Str("value")).ShouldBe(["ada@work.example"]);
        file.GetProperty("addresses").EnumerateArray().Select(a => a.GetProperty("address").Str("city")).ShouldBe(["Kansas City"]);
        (await client.GetJsonAsync("/api/customers?q=816.555.0112")).Items().ShouldContain(i => i.Id() == id);
        (await client.GetJsonAsync("/api/customers?q=816.555.0188")).Items().ShouldNotContain(i => i.Id() == id);
    }

    [Fact]
    public async Task An_invalid_patch_is_422_and_changes_nothing()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var before = await client.GetJsonAsync($"/api/customers/{tomId}");

        var response = await client.PatchAsJsonAsync($"/api/customers/{tomId}", new { name = "Thomas", email = "nope" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "email");
        (await client.GetJsonAsync($"/api/customers/{tomId}")).GetRawText().ShouldBe(before.GetRawText());
    }

    [Fact]
    public async Task A_deleted_customer_is_404_everywhere_until_restored()
    {
        var client = await app.ClientAsync("manager@bloom.example");
        var id = (await (await client.PostAsJsonAsync("/api/customers", Ada, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created)).Id();
        await client.PostAsJsonAsync($"/api/customers/{id}/recipients", new { name = "Lena Nilsson", relationship = "sister" }, Ct);
        var before = await client.GetJsonAsync($"/api/customers/{id}");

        (await client.DeleteAsync($"/api/customers/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await client.GetAsync($"/api/customers/{id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/customers/{id}/timeline", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PatchAsJsonAsync($"/api/customers/{id}", new { name = "Ghost" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync($"/api/customers/{id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync($"/api/customers/{id}/interactions",
            new { channel = "phone", direction = "inbound", summary = "Hello?", tone = "neutral" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await client.GetJsonAsync("/api/customers?q=ada%20nilsson")).Items().ShouldNotContain(i => i.Id() == id);

        (await client.PostAsync($"/api/customers/{id}/restore", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var restored = await client.GetJsonAsync($"/api/customers/{id}");
        restored.GetRawText().ShouldBe(before.GetRawText());
        (await client.GetJsonAsync("/api/customers?q=ada%20nilsson")).Items().ShouldContain(i => i.Id() == id);
        await (await client.PostAsync($"/api/customers/{id}/restore", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Restoring_an_unknown_customer_is_404()
    {
        var client = await app.ClientAsync("owner@bloom.example");
        await (await client.PostAsync($"/api/customers/{Guid.CreateVersion7()}/restore", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_is_recorded_in_the_audit_trail()
    {
        var client = await app.ClientAsync("owner@bloom.example");
        var owner = await app.StaffAsync("owner@bloom.example");
        var id = (await (await client.PostAsJsonAsync("/api/customers", Ada, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created)).Id();
        (await client.DeleteAsync($"/api/customers/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var actions = await app.WithDbAsync(owner.BusinessId, db => db.AuditEntries
            .Where(a => a.EntityId == id).OrderBy(a => a.At).Select(a => new { a.Action, a.ActorId }).ToListAsync(Ct));
        actions.Select(a => a.Action).ShouldBe(["created", "deleted"]);
        actions.ShouldAllBe(a => a.ActorId == owner.Id);
    }
}
