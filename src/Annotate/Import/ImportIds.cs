using System.Security.Cryptography;
using System.Text;

namespace Annotate.Import;

/// <summary>
/// Stable ids for imported annotations that bring none (brat's T1, T2…) or whose id is taken: a name-based UUID
/// (as version 5, but SHA-256 in RFC 9562's version 8 layout, since SHA-1 is refused here), so importing the same
/// file again finds the same ids.
/// </summary>
internal static class ImportIds
{
    private static readonly byte[] Namespace = Guid.Parse("5b0c53a4-6f0e-4b54-9d8a-2f1f0d7c6a10").ToByteArray(bigEndian: true);

    public static string Derive(params string[] parts)
    {
        var name = Encoding.UTF8.GetBytes(string.Join('\u001f', parts));
        var hash = SHA256.HashData([.. Namespace, .. name]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8: name-based, custom hash
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
