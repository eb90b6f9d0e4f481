using Rapport.Testing;

namespace Rapport.IntegrationTests.Customers;

public sealed class CustomerFileTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task Toms_file_has_his_contacts_recipients_card_preferences_and_loyalty()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");

        var tom = await client.GetJsonAsync($"/api/customers/{tomId}");

        tom.Id().ShouldBe(tomId);
        tom.Str("kind").ShouldBe("person");
        tom.Str("name").ShouldBe("Tom Lindqvist");
        tom.Str("phone").ShouldBe("(913) 555-0142");
        tom.Str("email").ShouldBe("tom.lindqvist@example.com");
        tom.GetProperty("addresses").EnumerateArray().Single().GetProperty("address").Str("line1").ShouldBe("4120 W 71st St");

        var recipients = tom.GetProperty("recipients").EnumerateArray().ToList();
        recipients.Select(r => r.Str("name")).ShouldBe(["Ingrid Lindqvist", "Maria Lindqvist"], ignoreOrder: true);
        var maria = recipients.Single(r => r.Str("name") == "Maria Lindqvist");
        maria.Id().ShouldNotBe(Guid.Empty);
        maria.Str("relationship").ShouldBe("wife");
        maria.GetProperty("address").Str("line1").ShouldBe("4120 W 71st St");
        maria.GetProperty("address").Str("city").ShouldBe("Prairie Village");

        var card = tom.GetProperty("paymentMethods").EnumerateArray().ShouldHaveSingleItem();
        card.Id().ShouldNotBe(Guid.Empty);
        card.Str("brand").ShouldBe("Visa");
        card.Str("last4").ShouldBe("4242");
        card.GetProperty("expMonth").GetInt32().ShouldBe(9);
        card.GetProperty("expYear").GetInt32().ShouldBe(2028);
        // The provider's token is what charges the card: it stays on the server.
        card.Has("token").ShouldBeFalse();
        tom.GetRawText().ShouldNotContain("tok_demo_tom");

        var preferences = tom.GetProperty("preferences");
        preferences.GetProperty("standingBudget").GetDecimal().ShouldBe(85m);
        preferences.Str("likes").ShouldContain("tulips");
        preferences.Str("internalNotes").ShouldContain("Valentine's Day");

        tom.GetProperty("stakeholders").GetArrayLength().ShouldBe(0);

        var loyalty = tom.GetProperty("loyalty");
        loyalty.Str("tier").ShouldBe("loyal");
        loyalty.GetProperty("years").GetInt32().ShouldBe(8);
        loyalty.GetProperty("customerSince").GetDateTime().ShouldBeInRange(DateTime.UtcNow.AddYears(-8).AddDays(-60), DateTime.UtcNow.AddYears(-8));
        loyalty.Str("label").ShouldBe("Customer for 8 years · loyal");
    }

    [Fact]
    public async Task An_organisation_file_has_its_buying_committee_with_roles()
    {
        var client = await app.ClientAsync("sales@harbor.example");
        var id = await app.CustomerIdAsync(DemoData.Harbor, "Grand Pier Hotel");

        var hotel = await client.GetJsonAsync($"/api/customers/{id}");

        hotel.Str("kind").ShouldBe("organization");
        var committee = hotel.GetProperty("stakeholders").EnumerateArray().ToList();
        committee.Select(s => s.Str("role")).ShouldBe(
            ["decisionMaker", "economicBuyer", "technicalEvaluator", "user", "influencer", "blocker"], ignoreOrder: true);
        var hale = committee.Single(s => s.Str("name") == "Richard Hale");
        hale.Id().ShouldNotBe(Guid.Empty);
        hale.Str("title").ShouldBe("General Manager");
        hale.Str("role").ShouldBe("decisionMaker");
        hotel.GetProperty("loyalty").Str("tier").ShouldBe("loyal");
        hotel.GetProperty("paymentMethods").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task The_loyalty_in_search_matches_the_file()
    {
        var client = await app.ClientAsync("manager@bloom.example");
        var page = await client.GetJsonAsync("/api/customers?limit=12");
        foreach (var item in page.Items())
        {
            var file = await client.GetJsonAsync($"/api/customers/{item.Id()}");
            file.GetProperty("loyalty").GetRawText().ShouldBe(item.GetProperty("loyalty").GetRawText());
            file.Str("name").ShouldBe(item.Str("name"));
        }
    }

    [Fact]
    public async Task An_unknown_id_is_404_problem()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var response = await client.GetAsync($"/api/customers/{Guid.CreateVersion7()}", Api.Ct);
        await response.ShouldBeProblemAsync(System.Net.HttpStatusCode.NotFound);
    }
}
