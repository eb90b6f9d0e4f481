using Rapport.Core.Catalog;
using Rapport.Core.Common;

namespace Rapport.UnitTests.Catalog;

public class ProductInputTests
{
    private static IReadOnlyCollection<string> Fields(ProductInput input, Product? onFile = null)
    {
        var v = new Validator();
        input.Validate(v, onFile);
        return v.IsValid ? [] : v.ToFailure().Errors!.Keys.ToList();
    }

    [Theory]
    [InlineData("https://img.bloom.example/roses.jpg", true)]
    [InlineData("http://img.bloom.example/roses.jpg", true)]
    [InlineData("/img/roses.jpg", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JAVASCRIPT:alert(1)", false)]
    [InlineData("data:image/png;base64,AAAA", false)]
    [InlineData("ftp://files.example/roses.jpg", false)]
    [InlineData("//evil.example/roses.jpg", false)]
    [InlineData("/\\evil.example/roses.jpg", false)]
    [InlineData("img/roses.jpg", false)]
    [InlineData("https:///nohost", false)]
    [InlineData("/img/red roses.jpg", false)]
    public void A_picture_is_on_the_web_or_on_this_site(string url, bool ok) => ProductInput.IsPictureUrl(url).ShouldBe(ok);

    [Fact]
    public void A_priced_product_needs_a_price_above_zero_and_no_minimum_budget()
    {
        Fields(new ProductInput("Roses", Price: 65m)).ShouldBeEmpty();
        Fields(new ProductInput("Roses")).ShouldBe(["price"]);
        Fields(new ProductInput("Roses", Price: 0m)).ShouldBe(["price"]);
        Fields(new ProductInput("Roses", Price: 65m, MinimumBudget: 40m)).ShouldBe(["minimumBudget"]);
    }

    [Fact]
    public void A_designers_choice_item_has_a_minimum_budget_and_no_price()
    {
        Fields(new ProductInput("Choice", IsDesignersChoice: true, MinimumBudget: 45m)).ShouldBeEmpty();
        Fields(new ProductInput("Choice", IsDesignersChoice: true)).ShouldBe(["minimumBudget"]);
        Fields(new ProductInput("Choice", IsDesignersChoice: true, Price: 50m, MinimumBudget: 45m)).ShouldBe(["price"]);
    }

    [Fact]
    public void A_change_is_judged_with_what_is_on_file()
    {
        var roses = new Product { Name = "Roses", Price = 65m };
        var choice = new Product { Name = "Choice", IsDesignersChoice = true, MinimumBudget = 45m };

        Fields(new ProductInput(Description: "Blush"), roses).ShouldBeEmpty();
        Fields(new ProductInput(Price: 70m), choice).ShouldBe(["price"]);
        Fields(new ProductInput(IsDesignersChoice: true), roses).ShouldBe(["minimumBudget"]);
        Fields(new ProductInput(IsDesignersChoice: false), choice).ShouldBe(["price"]);
    }

    [Fact]
    public void Switching_kinds_drops_what_the_other_kind_has()
    {
        var product = new Product { Name = "Roses", Price = 65m };

        new ProductInput(IsDesignersChoice: true, MinimumBudget: 50m).ApplyTo(product);
        (product.IsDesignersChoice, product.Price, product.MinimumBudget).ShouldBe((true, null, 50m));

        new ProductInput(IsDesignersChoice: false, Price: 55m).ApplyTo(product);
        (product.IsDesignersChoice, product.Price, product.MinimumBudget).ShouldBe((false, 55m, null));
    }

    [Theory]
    [InlineData(99, "99.00")]
    [InlineData(99.5, "99.50")]
    [InlineData(12.344, "12.34")]
    public void Amounts_read_with_two_decimals(decimal amount, string text) =>
        Amounts.Cents(amount).ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(text);
}
