using System.Net;
using System.Net.Http.Json;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Customers;

public sealed class EditingRolesTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Theory]
    [InlineData("owner@bloom.example", "owner")]
    [InlineData("manager@bloom.example", "manager")]
    [InlineData("sales@bloom.example", "sales")]
    [InlineData("service@bloom.example", "service")]
    [InlineData("sales@harbor.example", "sales")]
    public async Task Owner_manager_sales_and_service_read_and_edit_customers(string email, string role)
    {
        var client = await app.ClientAsync(email);
        var name = TestNames.Unique($"Customer of {role}", 40);

        var created = await (await client.PostAsJsonAsync("/api/customers", new { kind = "person", name, phone = "(913) 555-0150" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = created.Id();
        (await (await client.PatchAsJsonAsync($"/api/customers/{id}", new { preferences = new { internalNotes = "VIP" } }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("preferences").Str("internalNotes").ShouldBe("VIP");
        var recipient = await (await client.PostAsJsonAsync($"/api/customers/{id}/recipients", new { name = "A Friend" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        (await client.PatchAsJsonAsync($"/api/customers/{id}/recipients/{recipient.Id()}", new { relationship = "friend" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await client.PostAsJsonAsync($"/api/customers/{id}/payment-methods",
            new { provider = "demo-pay", token = "tok_role", brand = "Visa", last4 = "1881", expMonth = 5, expYear = DateTime.UtcNow.Year + 2 }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var entry = await (await client.PostAsJsonAsync($"/api/customers/{id}/interactions",
            new { channel = "phone", direction = "outbound", summary = "Welcome call", tone = "positive" }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        entry.GetProperty("staff").Str("role").ShouldBe(role);

        var file = await client.GetJsonAsync($"/api/customers/{id}");
        file.GetProperty("paymentMethods").GetArrayLength().ShouldBe(1);
        file.GetProperty("recipients")[0].Str("relationship").ShouldBe("friend");

        (await client.DeleteAsync($"/api/customers/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsync($"/api/customers/{id}/restore", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetJsonAsync($"/api/customers/{id}")).Str("name").ShouldBe(name);
    }
}
