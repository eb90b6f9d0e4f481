using System.Net;
using System.Text.Json;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Hosting;

[Collection(EmptyDatabase.Name)]
public sealed class HealthAndOpenApiTests(EmptyRapportApp app)
{
    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        var response = await app.CreateApiClient().GetAsync("/health", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("Healthy");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_contract()
    {
        var response = await app.CreateApiClient().GetAsync("/openapi/v1.json", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        doc.GetProperty("info").Str("title").ShouldBe("Rapport API");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/auth/login", "/api/auth/refresh", "/api/auth/me",
            "/api/customers", "/api/customers/{id}", "/api/customers/{id}/restore",
            "/api/customers/{id}/recipients", "/api/customers/{id}/recipients/{recipientId}",
            "/api/customers/{id}/stakeholders", "/api/customers/{id}/stakeholders/{stakeholderId}",
            "/api/customers/{id}/payment-methods", "/api/customers/{id}/payment-methods/{paymentMethodId}",
            "/api/customers/{id}/timeline", "/api/customers/{id}/interactions",
        })
            paths.Has(path).ShouldBeTrue($"{path} is not documented");

        var customers = paths.GetProperty("/api/customers");
        customers.Has("get").ShouldBeTrue();
        customers.Has("post").ShouldBeTrue();
        customers.GetProperty("get").Str("operationId").ShouldBe("SearchCustomers");
        paths.GetProperty("/api/customers/{id}/timeline").GetProperty("get").Str("operationId").ShouldBe("GetTimeline");
    }

    [Fact]
    public async Task The_api_reference_page_is_served()
    {
        var response = await app.CreateApiClient().GetAsync("/api/docs/index.html", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("swagger", Case.Insensitive);
    }
}
