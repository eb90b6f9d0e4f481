using Rapport.Core.Catalog;

namespace Rapport.Web.Catalog;

/// <summary>The fields of the new- and edit-product forms, mapped to the use cases' input.</summary>
public sealed class ProductForm
{
    public string? Name { get; set; }
    public string? Category { get; set; }
    public bool IsDesignersChoice { get; set; }
    public decimal? Price { get; set; }
    public decimal? MinimumBudget { get; set; }
    public string? Description { get; set; }
    public string? PictureUrl { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>
    /// The form always sends every field: an emptied text clears it, and the amount of the other kind is
    /// dropped. An emptied amount is caught first (<see cref="MissingAmount"/>); were it not, zero is refused.
    /// </summary>
    public ProductInput ToInput() => new(
        Name ?? "", Category ?? "",
        IsDesignersChoice ? null : Price ?? 0m,
        IsDesignersChoice,
        IsDesignersChoice ? MinimumBudget ?? 0m : null,
        Description ?? "", PictureUrl ?? "", Active);

    /// <summary>The form field of the amount this kind of item needs, when it was left empty.</summary>
    public string? MissingAmount => IsDesignersChoice
        ? MinimumBudget is null ? "Form.MinimumBudget" : null
        : Price is null ? "Form.Price" : null;

    public static ProductForm From(ProductView p) => new()
    {
        Name = p.Name, Category = p.Category, IsDesignersChoice = p.IsDesignersChoice, Price = p.Price,
        MinimumBudget = p.MinimumBudget, Description = p.Description, PictureUrl = p.PictureUrl, Active = p.Active,
    };

    /// <summary>Use-case field names → form field names, so errors show beside their inputs.</summary>
    public static readonly Dictionary<string, string> Fields = new()
    {
        ["name"] = "Form.Name", ["category"] = "Form.Category", ["price"] = "Form.Price", ["isDesignersChoice"] = "Form.IsDesignersChoice",
        ["minimumBudget"] = "Form.MinimumBudget", ["description"] = "Form.Description", ["pictureUrl"] = "Form.PictureUrl",
    };
}
