using Rapport.Core.Common;

namespace Rapport.Core.Catalog;

/// <summary>
/// A product as written by the API and the forms. On update, a null field is left as it is and an empty
/// string clears it. Turning an item into designer's choice drops its price; turning it back drops its
/// minimum budget.
/// </summary>
public sealed record ProductInput(
    string? Name = null,
    string? Category = null,
    decimal? Price = null,
    bool? IsDesignersChoice = null,
    decimal? MinimumBudget = null,
    string? Description = null,
    string? PictureUrl = null,
    bool? Active = null)
{
    /// <param name="onFile">The product being changed; null when creating one.</param>
    public void Validate(Validator v, Product? onFile)
    {
        if (onFile is null || Name is not null) v.Required("name", Name, ProductLimits.Name);
        v.MaxLength("category", Category, ProductLimits.Category);
        v.MaxLength("description", Description, ProductLimits.Description);
        if (!string.IsNullOrWhiteSpace(PictureUrl))
        {
            v.MaxLength("pictureUrl", PictureUrl, ProductLimits.PictureUrl);
            if (!IsPictureUrl(PictureUrl.Trim())) v.Add("pictureUrl", "An http or https address, or a path on this site such as /img/roses.jpg.");
        }

        if (DesignersChoice(onFile))
        {
            if (Price is not null) v.Add("price", "A designer's-choice item has no price: it is sold by the customer's budget.");
            if ((MinimumBudget ?? onFile?.MinimumBudget) is null) v.Add("minimumBudget", "Say the least budget this item is made for.");
            else v.Amount("minimumBudget", MinimumBudget, zeroAllowed: false);
        }
        else
        {
            if (MinimumBudget is not null) v.Add("minimumBudget", "Only a designer's-choice item has a minimum budget.");
            if ((Price ?? onFile?.Price) is null) v.Add("price", "This field is required.");
            else v.Amount("price", Price, zeroAllowed: false);
        }
    }

    public void ApplyTo(Product product)
    {
        var designersChoice = DesignersChoice(product);
        if (Name is not null) product.Name = Name.Trim();
        if (Category is not null) product.Category = Blank(Category);
        if (Description is not null) product.Description = Blank(Description);
        if (PictureUrl is not null) product.PictureUrl = Blank(PictureUrl);
        if (Active is { } active) product.Active = active;
        product.IsDesignersChoice = designersChoice;
        product.Price = designersChoice ? null : Price ?? product.Price;
        product.MinimumBudget = designersChoice ? MinimumBudget ?? product.MinimumBudget : null;
    }

    private bool DesignersChoice(Product? onFile) => IsDesignersChoice ?? onFile?.IsDesignersChoice ?? false;

    /// <summary>Pictures come from the web (http or https) or from this site; never javascript:, data: or another scheme.</summary>
    public static bool IsPictureUrl(string url)
    {
        if (url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) return false;
        // "//host/x" and "/\host/x" are other sites to a browser, not paths on this one.
        if (url.StartsWith('/')) return url.Length == 1 || (url[1] != '/' && url[1] != '\\');
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
               && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
               && !string.IsNullOrEmpty(uri.Host);
    }

    private static string? Blank(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>A product as the API and the pages show it.</summary>
public sealed record ProductView(
    Guid Id, string Name, string? Category, decimal? Price, bool IsDesignersChoice, decimal? MinimumBudget,
    string? Description, string? PictureUrl, bool Active, DateTime UpdatedAt)
{
    public static ProductView Of(Product p) =>
        new(p.Id, p.Name, p.Category, Amounts.Cents(p.Price), p.IsDesignersChoice, Amounts.Cents(p.MinimumBudget), p.Description, p.PictureUrl, p.Active, p.UpdatedAt);

    /// <summary>What the product costs in words: "$85.00", or "Designer's choice from $60.00".</summary>
    public string PriceLabel(string currencySymbol = "$") => IsDesignersChoice
        ? $"Designer's choice from {currencySymbol}{MinimumBudget:0.00}"
        : $"{currencySymbol}{Price:0.00}";
}
