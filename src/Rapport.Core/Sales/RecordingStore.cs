namespace Rapport.Core.Sales;

/// <summary>
/// Keeps meeting recordings as files in a folder of their own, outside the web root, so that nothing uploaded can be
/// served as a page. Files are named by a random id; the name a person gave is kept in the database only.
/// </summary>
public sealed class RecordingStore
{
    public RecordingStore(string folder, long maxBytes)
    {
        Folder = Path.GetFullPath(folder);
        MaxBytes = maxBytes;
    }

    public string Folder { get; }
    public long MaxBytes { get; }

    public string PathOf(Guid businessId, string storedName)
    {
        // Stored names are ours ("<guid>.<ext>"); anything else never reaches the disk.
        if (storedName.IndexOfAny(['/', '\\']) >= 0 || storedName.Contains("..", StringComparison.Ordinal))
            throw new ArgumentException("Not a stored recording name.", nameof(storedName));
        return Path.Combine(Folder, businessId.ToString("N"), storedName);
    }

    /// <summary>Writes the stream to a new file and returns its stored name; the caller has already checked the format.</summary>
    public async Task<string> SaveAsync(Guid businessId, Stream content, string extension, CancellationToken ct)
    {
        var name = Guid.CreateVersion7().ToString("N") + extension;
        var path = PathOf(businessId, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, ct);
        return name;
    }

    public void Delete(Guid businessId, string storedName)
    {
        var path = PathOf(businessId, storedName);
        if (File.Exists(path)) File.Delete(path);
    }
}
