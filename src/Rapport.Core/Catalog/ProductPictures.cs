using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using SkiaSharp;

namespace Rapport.Core.Catalog;

/// <summary>
/// Keeps product pictures as files outside the web root, one folder per business, named by a random id. Only pictures
/// Rapport re-encoded itself are ever written here, so what is served is never what was uploaded.
/// </summary>
public sealed class PictureStore(string folder)
{
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>True for names this store gives ("&lt;32 hex&gt;.jpg"); nothing else reaches the disk.</summary>
    public static bool IsStoredName(string name) =>
        name.Length == 36 && name.EndsWith(".jpg", StringComparison.Ordinal) && name[..32].All(char.IsAsciiHexDigitLower);

    public string? PathOf(Guid businessId, string storedName) =>
        IsStoredName(storedName) ? Path.Combine(Folder, businessId.ToString("N"), storedName) : null;

    public async Task<string> SaveAsync(Guid businessId, byte[] jpeg, CancellationToken ct)
    {
        var name = Guid.CreateVersion7().ToString("N") + ".jpg";
        var path = PathOf(businessId, name)!;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, jpeg, ct);
        return name;
    }

    public void Delete(Guid businessId, string storedName)
    {
        if (PathOf(businessId, storedName) is { } path && File.Exists(path)) File.Delete(path);
    }
}

/// <summary>
/// A picture for a product, uploaded by owners and managers: JPEG, PNG or WebP told by its content (the first bytes,
/// then a full decode), at most 5 MB, re-encoded as a JPEG of at most 1200 px a side before it is kept. SVG and
/// anything else is refused (an SVG can carry script).
/// </summary>
public static class ProductPictures
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxSide = 1200;
    public const int Quality = 82;

    /// <summary>The address a stored picture is served at.</summary>
    public static string UrlOf(Guid businessId, string storedName) => $"/pictures/{businessId:N}/{storedName}";

    /// <summary>"jpeg", "png" or "webp" from the file's first bytes; null for anything else (SVG, GIF, text, a renamed file).</summary>
    public static string? Sniff(ReadOnlySpan<byte> head) =>
        head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF ? "jpeg"
        : head.Length >= 8 && head[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "png"
        : head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8) ? "webp"
        : null;

    /// <summary>Decodes the picture and encodes it again as a JPEG no larger than <see cref="MaxSide"/>; null when it does not decode.</summary>
    public static byte[]? Reencode(byte[] content)
    {
        // A file that only starts like a picture has no codec: Skia answers null or throws, and either way it is refused.
        SKBitmap? read;
        try { read = SKBitmap.Decode(content); }
        catch (ArgumentException) { return null; }
        using var decoded = read;
        if (decoded is null || decoded.Width == 0 || decoded.Height == 0) return null;
        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(decoded.Width, decoded.Height));
        var (width, height) = (Math.Max(1, (int)Math.Round(decoded.Width * scale)), Math.Max(1, (int)Math.Round(decoded.Height * scale)));
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        // JPEG has no transparency: a transparent PNG lands on white, as on the page.
        surface.Canvas.Clear(SKColors.White);
        using (var image = SKImage.FromBitmap(decoded))
            surface.Canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var snapshot = surface.Snapshot();
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return jpeg?.ToArray();
    }

    /// <summary>Checks, re-encodes and keeps the picture, and makes it the product's; the one it replaces is deleted.</summary>
    public static async Task<Result<ProductView>> UploadAsync(
        RapportDb db, Actor actor, Guid productId, Stream content, long length, PictureStore store, TimeProvider time, CancellationToken ct)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null) return Failure.NotFound("Product");
        if (!actor.Role.ManagesCatalog()) return Failure.Forbidden($"The {actor.Role.Label()} role cannot change the catalogue.");
        if (length <= 0) return Failure.Invalid("picture", "Choose a picture to upload.");
        if (length > MaxBytes) return Failure.Invalid("picture", "At most 5 MB.");

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes) return Failure.Invalid("picture", "At most 5 MB.");
        var bytes = buffer.ToArray();
        if (Sniff(bytes) is null) return Failure.Invalid("picture", "Only JPEG, PNG or WebP pictures (an SVG or other file is refused).");
        if (Reencode(bytes) is not { } jpeg) return Failure.Invalid("picture", "This file is not a picture that can be read.");

        var name = await store.SaveAsync(product.BusinessId, jpeg, ct);
        var before = CreateProduct.Audited(product);
        var old = product.PictureUrl;
        product.PictureUrl = UrlOf(product.BusinessId, name);
        product.UpdatedAt = time.GetUtcNow().UtcDateTime;
        db.Audit(actor, nameof(Product), product.Id, "picture", before, CreateProduct.Audited(product));
        await db.SaveChangesAsync(ct);
        var prefix = UrlOf(product.BusinessId, "");
        if (old is not null && old.StartsWith(prefix, StringComparison.Ordinal)) store.Delete(product.BusinessId, old[prefix.Length..]);
        return ProductView.Of(product);
    }
}
