using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Catalog;

public sealed class ManageProductsTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task A_manager_adds_a_priced_product_and_a_designers_choice_item_that_staff_find_by_name_and_category()
    {
        var manager = await app.ClientAsync("manager@bloom.example");

        var response = await manager.PostAsJsonAsync("/api/products", new
        {
            name = "Garden Rose Dozen", category = "Roses", price = 65.00m, description = "Twelve blush garden roses.",
            pictureUrl = "https://img.bloom.example/roses.jpg",
        }, Ct);

        var roses = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.ShouldBe($"/api/products/{roses.Id()}");
        roses.Str("name").ShouldBe("Garden Rose Dozen");
        roses.GetProperty("price").GetDecimal().ShouldBe(65.00m);
        roses.GetProperty("isDesignersChoice").GetBoolean().ShouldBeFalse();
        roses.GetProperty("active").GetBoolean().ShouldBeTrue();

        var choice = await (await manager.PostAsJsonAsync("/api/products",
            new { name = "Florist's Choice Bouquet", category = "Bouquets", isDesignersChoice = true, minimumBudget = 45m, pictureUrl = "/img/choice.jpg" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        choice.HasValue("price").ShouldBeFalse();
        choice.GetProperty("minimumBudget").GetDecimal().ShouldBe(45m);

        var sales = await app.ClientAsync("sales@bloom.example");
        (await sales.GetJsonAsync($"/api/products/{roses.Id()}")).Str("description").ShouldBe("Twelve blush garden roses.");
        (await sales.GetJsonAsync("/api/products?q=rose%20doz")).Items().Select(p => p.Id()).ShouldContain(roses.Id());
        (await sales.GetJsonAsync("/api/products?q=GARDEN")).Items().Select(p => p.Id()).ShouldContain(roses.Id());
        var bouquets = (await sales.GetJsonAsync("/api/products?category=Bouquets")).Items();
        bouquets.Select(p => p.Id()).ShouldContain(choice.Id());
        bouquets.ShouldAllBe(p => p.GetProperty("category").GetString() == "Bouquets");
        (await sales.GetJsonAsync("/api/products/categories")).EnumerateArray().Select(c => c.GetString()).ShouldContain("Roses");

        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        (await app.WithDbAsync(bloom, db => db.AuditEntries.AnyAsync(a => a.EntityId == roses.Id() && a.Action == "created", Ct))).ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{ "price": 10 }""", "name")]
    [InlineData("""{ "name": "  ", "price": 10 }""", "name")]
    [InlineData("""{ "name": "No Price" }""", "price")]
    [InlineData("""{ "name": "Free", "price": 0 }""", "price")]
    [InlineData("""{ "name": "Negative", "price": -5 }""", "price")]
    [InlineData("""{ "name": "Fractions", "price": 10.005 }""", "price")]
    [InlineData("""{ "name": "Priced With Budget", "price": 10, "minimumBudget": 40 }""", "minimumBudget")]
    [InlineData("""{ "name": "Choice With Price", "isDesignersChoice": true, "price": 50, "minimumBudget": 40 }""", "price")]
    [InlineData("""{ "name": "Choice Without Budget", "isDesignersChoice": true }""", "minimumBudget")]
    [InlineData("""{ "name": "Choice Of Nothing", "isDesignersChoice": true, "minimumBudget": 0 }""", "minimumBudget")]
    [InlineData("""{ "name": "Scripted", "price": 10, "pictureUrl": "javascript:alert(1)" }""", "pictureUrl")]
    [InlineData("""{ "name": "Elsewhere", "price": 10, "pictureUrl": "//evil.example/x.png" }""", "pictureUrl")]
    [InlineData("""{ "name": "Data", "price": 10, "pictureUrl": "data:image/png;base64,AAAA" }""", "pictureUrl")]
    [InlineData("""{ "name": "Ftp", "price": 10, "pictureUrl": "ftp://files.example/x.png" }""", "pictureUrl")]
    public async Task An_invalid_product_is_422_naming_the_field_and_nothing_is_stored(string json, string field)
    {
        var owner = await app.ClientAsync("owner@bloom.example");
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var before = await app.WithDbAsync(bloom, db => db.Products.CountAsync(Ct));

        await (await owner.PostAsync("/api/products", Json(json), Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, field);

        (await app.WithDbAsync(bloom, db => db.Products.CountAsync(Ct))).ShouldBe(before);
    }

    [Fact]
    public async Task A_name_longer_than_the_catalogue_keeps_is_422()
    {
        var owner = await app.ClientAsync("owner@bloom.example");
        await (await owner.PostAsJsonAsync("/api/products", new { name = new string('x', 121), price = 10 }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "name");
    }

    [Fact]
    public async Task Patch_changes_given_fields_deactivates_and_activates_and_turns_an_item_into_designers_choice()
    {
        var owner = await app.ClientAsync("owner@bloom.example");
        var id = (await (await owner.PostAsJsonAsync("/api/products",
            new { name = "Peony Armful", category = "Seasonal", price = 80m, description = "May to June." }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created)).Id();

        var patched = await (await owner.PatchAsJsonAsync($"/api/products/{id}", new { price = 85.50m, description = "" }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
        patched.GetProperty("price").GetDecimal().ShouldBe(85.50m);
        patched.Str("category").ShouldBe("Seasonal");
        patched.HasValue("description").ShouldBeFalse();

        (await (await owner.PatchAsJsonAsync($"/api/products/{id}", new { active = false }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK))
            .GetProperty("active").GetBoolean().ShouldBeFalse();
        (await owner.GetJsonAsync("/api/products?q=peony%20armful&active=true")).Items().ShouldBeEmpty();
        (await owner.GetJsonAsync("/api/products?q=peony%20armful&active=false")).Items().Single().Id().ShouldBe(id);
        (await (await owner.PatchAsJsonAsync($"/api/products/{id}", new { active = true }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK))
            .GetProperty("active").GetBoolean().ShouldBeTrue();

        // Asking a price of a designer's-choice item is refused; saying it is one drops the price.
        await (await owner.PatchAsJsonAsync($"/api/products/{id}", new { isDesignersChoice = true }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "minimumBudget");
        var choice = await (await owner.PatchAsJsonAsync($"/api/products/{id}", new { isDesignersChoice = true, minimumBudget = 60m }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        choice.HasValue("price").ShouldBeFalse();
        choice.GetProperty("minimumBudget").GetDecimal().ShouldBe(60m);
        await (await owner.PatchAsJsonAsync($"/api/products/{id}", new { price = 70m }, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "price");

        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var actions = await app.WithDbAsync(bloom, db => db.AuditEntries.Where(a => a.EntityId == id).Select(a => a.Action).ToListAsync(Ct));
        actions.ShouldContain("deactivated");
        actions.ShouldContain("activated");
    }

    [Fact]
    public async Task The_list_pages_by_name_with_a_cursor()
    {
        var owner = await app.ClientAsync("owner@bloom.example");
        foreach (var name in new[] { "Zz Paging C", "Zz Paging A", "Zz Paging B" })
            await (await owner.PostAsJsonAsync("/api/products", new { name, price = 10m }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);

        var first = await owner.GetJsonAsync("/api/products?q=zz%20paging&limit=2");
        first.Items().Select(p => p.Str("name")).ShouldBe(["Zz Paging A", "Zz Paging B"]);
        var all = await owner.WalkAsync("/api/products?q=zz%20paging&limit=2", "after");
        all.Select(p => p.Str("name")).ShouldBe(["Zz Paging A", "Zz Paging B", "Zz Paging C"]);
        await (await owner.GetAsync("/api/products?after=not-a-cursor", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "after");
        await (await owner.GetAsync("/api/products?limit=0", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "limit");
    }

    [Theory]
    [InlineData("sales@bloom.example")]
    [InlineData("service@bloom.example")]
    [InlineData("driver@bloom.example")]
    public async Task Sales_service_and_delivery_read_the_catalogue_but_cannot_change_it(string email)
    {
        var owner = await app.ClientAsync("owner@bloom.example");
        var product = await (await owner.PostAsJsonAsync("/api/products", new { name = $"Role Check {email}", price = 20m }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var before = (await owner.GetJsonAsync($"/api/products/{product.Id()}")).GetRawText();
        var staff = await app.ClientAsync(email);

        (await staff.GetJsonAsync($"/api/products/{product.Id()}")).GetRawText().ShouldBe(before);
        await (await staff.PostAsJsonAsync("/api/products", new { name = "Sneaky", price = 1m }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.PatchAsJsonAsync($"/api/products/{product.Id()}", new { price = 1m }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.PatchAsJsonAsync($"/api/products/{product.Id()}", new { active = false }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        (await owner.GetJsonAsync($"/api/products/{product.Id()}")).GetRawText().ShouldBe(before);
    }

    [Fact]
    public async Task Another_business_cannot_see_or_change_bloom_products()
    {
        var bloom = await app.ClientAsync("owner@bloom.example");
        var product = await (await bloom.PostAsJsonAsync("/api/products", new { name = "Bloom Secret Bouquet", category = "Secret", price = 99m }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var before = (await bloom.GetJsonAsync($"/api/products/{product.Id()}")).GetRawText();
        var harbor = await app.ClientAsync("owner@harbor.example");

        await (await harbor.GetAsync($"/api/products/{product.Id()}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await harbor.PatchAsJsonAsync($"/api/products/{product.Id()}", new { name = "Hijacked", active = false }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await harbor.GetJsonAsync("/api/products?q=bloom%20secret")).Items().ShouldBeEmpty();
        (await harbor.GetJsonAsync("/api/products/categories")).EnumerateArray().Select(c => c.GetString()).ShouldNotContain("Secret");

        (await bloom.GetJsonAsync($"/api/products/{product.Id()}")).GetRawText().ShouldBe(before);
    }
}
