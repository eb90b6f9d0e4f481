namespace Rapport.Web.Shop;

/// <summary>The shop's public addresses that leave the site in e-mails.</summary>
public static class ShopLinks
{
    /// <summary>The one-click reorder page a reminder links to (/shop/{business}/reorder/{token}).</summary>
    public static string Reorder(string publicUrl, string slug, string token) => $"{publicUrl}/shop/{slug}/reorder/{token}";
}
