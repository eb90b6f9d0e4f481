namespace Rapport.Core.Data;

/// <summary>A Data Protection key kept in the database so every node can read every cookie and token.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
