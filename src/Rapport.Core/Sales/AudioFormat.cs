using System.Text;

namespace Rapport.Core.Sales;

/// <summary>
/// Recognises the audio formats a recording may be in by the file's first bytes, never by its name or the type the
/// uploader claimed: an HTML page renamed .mp3 is not audio.
/// </summary>
public static class AudioFormat
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeaderLength = 12;

    public sealed record Format(string ContentType, string Extension);

    public static readonly Format Mp3 = new("audio/mpeg", ".mp3");
    public static readonly Format Ogg = new("audio/ogg", ".ogg");
    public static readonly Format Wav = new("audio/wav", ".wav");
    public static readonly Format WebM = new("audio/webm", ".webm");
    public static readonly Format M4a = new("audio/mp4", ".m4a");

    /// <summary>The format, or null when the bytes are not one of the allowed audio formats.</summary>
    public static Format? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("ID3"u8)) return Mp3;
        // An MPEG audio frame without a tag: eleven sync bits, then layer III (MPEG-1, 2 or 2.5).
        if (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) == 0x02) return Mp3;
        if (head.StartsWith("OggS"u8)) return Ogg;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8)) return Wav;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3])) return WebM;
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) && IsAudioBrand(head[8..12])) return M4a;
        return null;
    }

    // MPEG-4 brands a phone or recorder writes for sound; a video brand such as "qt  " is not accepted.
    private static bool IsAudioBrand(ReadOnlySpan<byte> brand) =>
        Encoding.ASCII.GetString(brand) is "M4A " or "M4B " or "mp41" or "mp42" or "isom" or "iso2" or "dash" or "3gp4" or "3gp5" or "3gp6";
}
