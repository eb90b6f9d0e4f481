using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace Rapport.Core.Common;

/// <summary>An opaque keyset position for paging: the sort key and the id of the last row seen.</summary>
public readonly record struct Cursor(string Key, Guid Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Key}\u001f{Id:N}"));

    /// <summary>The position after a row of a list sorted by a time (newest first), e.g. the timeline or a customer's meetings.</summary>
    public static Cursor At(DateTime at, Guid id) => new(at.Ticks.ToString(CultureInfo.InvariantCulture), id);

    /// <summary>Reads a cursor made by <see cref="At"/>: true with no position for no text, false for text that is not one.</summary>
    public static bool TryDecodeAt(string? text, out (DateTime At, Guid Id)? position)
    {
        position = null;
        if (!TryDecode(text, out var cursor)) return false;
        if (cursor is not { } c) return true;
        if (!long.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTime.MaxValue.Ticks) return false;
        position = (new DateTime(ticks, DateTimeKind.Utc), c.Id);
        return true;
    }

    public static bool TryDecode(string? text, out Cursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text)) return true;
        try
        {
            var raw = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
            var sep = raw.LastIndexOf('\u001f');
            if (sep < 0 || !Guid.TryParseExact(raw[(sep + 1)..], "N", out var id)) return false;
            cursor = new Cursor(raw[..sep], id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>A page of a list; <see cref="Next"/> is the cursor for the following page, null (and present) on the last.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Next);
