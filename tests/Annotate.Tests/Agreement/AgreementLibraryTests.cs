using System.Reflection;

namespace Annotate.Tests.Agreement;

/// <summary>The statistics core stays pure so it can be benchmarked, reused and trusted on its own.</summary>
public class AgreementLibraryTests
{
    [Fact]
    public void The_Agreement_Library_References_Neither_AspNetCore_Nor_Data_Access()
    {
        var library = Assembly.Load("Annotate.Agreement");

        var references = library.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) || r == "Dapper");
    }
}
