namespace Rapport.Web.Hosting;

public static class Policies
{
    /// <summary>A signed-in staff member of some business.</summary>
    public const string Staff = "staff";
}
