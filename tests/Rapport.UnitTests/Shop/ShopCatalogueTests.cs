using Rapport.Core.Shop;

namespace Rapport.UnitTests.Shop;

/// <summary>The shop's categories in the order people look for them: bouquets first, add-ons last.</summary>
public sealed class ShopCatalogueTests
{
    private static ShopCatalogue.Item Item(string name, string? category) => new(Guid.NewGuid(), name, category, 10m, false, null, null, null);

    [Fact]
    public void Bouquets_come_first_add_ons_last_and_the_rest_by_name_between()
    {
        var sections = ShopCatalogue.ByCategory([
            Item("Truffles", "Add-ons"), Item("Orchid", "Plants"), Item("Tulips", "Bouquets"), Item("Card", null),
            Item("Roses", "Roses"), Item("Our pick", "Designer's choice"), Item("Lilies", "Sympathy"),
        ]);

        sections.Select(s => s.Category).ShouldBe(["Bouquets", "Designer's choice", "Plants", "Roses", "Sympathy", ShopCatalogue.Other, "Add-ons"]);
    }

    [Theory]
    [InlineData("Add-ons", true)]
    [InlineData("Addons", true)]
    [InlineData("Extras", true)]
    [InlineData("Bouquets", false)]
    [InlineData(null, false)]
    public void Add_ons_are_told_by_their_category(string? category, bool addOn) => ShopCatalogue.IsAddOn(category).ShouldBe(addOn);
}
