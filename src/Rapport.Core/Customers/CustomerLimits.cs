namespace Rapport.Core.Customers;

/// <summary>How long a customer's names, free text and address lines may be.</summary>
public static class CustomerLimits
{
    public const int Name = 200;
    public const int Text = 4000;
    public const int AddressLine = 200;
}
