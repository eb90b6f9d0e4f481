namespace Rapport.Web.Hosting;

public static class Policies
{
    /// <summary>A signed-in staff member of some business.</summary>
    public const string Staff = "staff";

    /// <summary>A customer signed in to the shop of the business in the path.</summary>
    public const string Shop = "shop";
}
