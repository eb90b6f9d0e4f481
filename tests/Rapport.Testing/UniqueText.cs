namespace Rapport.Testing;

/// <summary>
/// Unique text for test data without digits: the card-number guard reads digit runs in names, e-mails and free text,
/// and a GUID's digits sometimes make a Luhn-valid run.
/// </summary>
public static class UniqueText
{
    /// <summary>A new GUID spelled with the letters a–p instead of hex digits.</summary>
    public static string Letters() =>
        string.Create(32, Guid.NewGuid(), (span, guid) =>
        {
            var hex = guid.ToString("N");
            for (var i = 0; i < span.Length; i++) span[i] = (char)('a' + Convert.ToInt32(hex[i].ToString(), 16));
        });
}
