namespace Rapport.Core.Data;

/// <summary>
/// The business the current request or job acts for. Set once per scope, from the signed-in
/// staff member's claims or by a job; with none set, the tenancy filter matches no row.
/// </summary>
public sealed class Tenant
{
    public Guid BusinessId { get; private set; }

    public bool IsSet => BusinessId != Guid.Empty;

    public void Set(Guid businessId)
    {
        if (IsSet && BusinessId != businessId)
            throw new InvalidOperationException("A scope acts for one business only.");
        BusinessId = businessId;
    }
}
