namespace Rapport.Core.Data;

/// <summary>A row that belongs to one business; the tenancy filter hides it from every other business.</summary>
public interface IBusinessOwned
{
    Guid BusinessId { get; set; }
}
