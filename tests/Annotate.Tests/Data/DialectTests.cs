using Annotate.Data;

namespace Annotate.Tests.Data;

public sealed class DialectTests
{
    [Theory]
    [InlineData("data/annotate.db", "Sqlite")]
    [InlineData("/srv/annotate/annotate.db", "Sqlite")]
    [InlineData("postgres://ann:secret@db.example:6543/annotate", "Postgres")]
    [InlineData("postgresql://db.example/annotate", "Postgres")]
    [InlineData("Host=db.example;Port=6543;Database=annotate;Username=ann;Password=secret", "Postgres")]
    public void A_Database_Setting_Names_Its_Dialect(string setting, string dialect) =>
        Assert.Equal(dialect, DatabaseTarget.Parse(setting).Dialect.ToString());

    [Fact]
    public void A_Postgres_Url_Becomes_A_Connection_String_Whose_Display_Hides_The_Password()
    {
        var target = DatabaseTarget.Parse("postgres://ann:s%40cret@db.example:6543/annotate");

        Assert.Equal("postgres://ann@db.example:6543/annotate", target.Display);
        Assert.DoesNotContain("cret", target.Display, StringComparison.Ordinal);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal(("db.example", 6543, "annotate", "ann", "s@cret"), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
        Assert.Null(target.FilePath);
    }

    [Fact]
    public void The_Schema_Translation_Widens_Integers_And_Turns_NoCase_Indexes_Into_Lower()
    {
        const string sqlite = """
            CREATE TABLE T (Id TEXT NOT NULL PRIMARY KEY, Count INTEGER NOT NULL DEFAULT 0, IntegerLike TEXT NULL);
            CREATE UNIQUE INDEX IX_T_Name ON T (Name COLLATE NOCASE) WHERE Name IS NOT NULL;
            """;

        var postgres = PostgresSchema.Translate(sqlite);

        Assert.Contains("Count BIGINT NOT NULL DEFAULT 0", postgres, StringComparison.Ordinal);
        Assert.Contains("IntegerLike TEXT COLLATE \"C\" NULL", postgres, StringComparison.Ordinal);
        Assert.Contains("Id TEXT COLLATE \"C\" NOT NULL PRIMARY KEY", postgres, StringComparison.Ordinal);
        Assert.Contains("ON T (lower(Name)) WHERE", postgres, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_Migration_Translates_Without_A_Sqlite_Only_Construct_Left()
    {
        foreach (var (_, name) in Migrator.Migrations)
        {
            var postgres = PostgresSchema.Translate(Migrator.ReadScript(name));
            Assert.DoesNotContain("INTEGER", postgres, StringComparison.Ordinal);
            Assert.DoesNotContain("NOCASE", postgres, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("PRAGMA", postgres, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("AUTOINCREMENT", postgres, StringComparison.OrdinalIgnoreCase);
        }
    }
}
