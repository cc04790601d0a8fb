using Annotate.Benchmarks;
using BenchmarkDotNet.Running;

// Subcommands:
//   corpus-load [--articles 10000] [--dir PATH] [--keep] [--runs 1] [--gc server|workstation] [--in-process] [--no-sync] [--env NAME=value,...]
//   hub-load [--clients 50] [--savers 5] [--rate 50] [--seconds 10] [--max-rate] [--instances 1|2] [--db postgres://…]
//   agreement-live [--viewers 30] [--savers 5] [--rate 10] [--seconds 20]
//   agreement-profile [--store]   (diagnostic: agreement stages timed one by one)
//   agreement-report-profile --db PATH [--project bench] [--out FILE] [--sequential]   (diagnostic: one report's CPU time and allocations)
//   micro [BenchmarkDotNet arguments, e.g. --job short]   (runs every benchmark unless --filter is given)
//   corpus-load-breakdown [--articles 10000] [--dir PATH] [--keep]   (diagnostic: a cold load's stages timed one by one)
//   corpus-load-phase ...   (hidden: one phase in a child process; used by corpus-load)
//   agreement-scale [--documents 10000] [--annotations 1000000] [--dir PATH] [--keep]
//   export [--documents 10000] [--annotations 1000000] [--formats jsonl,csv,...] [--dir PATH] [--keep]
//   long-article [--words 100000] [--spans 10000] [--relations 2000] [--runs 5] [--creates 10] [--parallel 4] [--dir PATH] [--keep] [--trace FILE]
//   live-latency [--readers 10] [--spans 100] [--runs 1] [--warmup 3] [--pause 250]
//   cli-speed [--units 200000] [--coders 5] [--runs 5] [--annotate PATH] [--python PATH] [--file PATH] [--seed 15]
// See docs/benchmarks.md.
var command = args.Length > 0 ? args[0] : "help";
var rest = args.Skip(1).ToArray();
try
{
    switch (command)
    {
        case "corpus-load":
            return await CorpusLoadBenchmark.RunAsync(Arguments.Parse(rest, CorpusLoadBenchmark.Flags));
        case CorpusLoadBenchmark.PhaseCommand:
            return await CorpusLoadBenchmark.RunPhaseCommandAsync(Arguments.Parse(rest, []));
        case LoadBreakdown.Command:
            return await LoadBreakdown.RunAsync(Arguments.Parse(rest, ["--keep"]));
        case HubLoad.Command:
            return await HubLoad.RunAsync(Arguments.Parse(rest, ["--max-rate"]));
        case AgreementProfile.Command:
            return AgreementProfile.Run(Arguments.Parse(rest, ["--store"]));
        case AgreementReportProfile.Command:
            return await AgreementReportProfile.RunAsync(Arguments.Parse(rest, ["--sequential"]));
        case AgreementLive.Command:
            return await AgreementLive.RunAsync(Arguments.Parse(rest, []));
        case LongArticleBenchmark.Command:
            return await LongArticleBenchmark.RunAsync(Arguments.Parse(rest, LongArticleBenchmark.Flags));
        case LiveLatency.Command:
            return await LiveLatency.RunAsync(Arguments.Parse(rest, []));
        case CliSpeedBenchmark.Command:
            return await CliSpeedBenchmark.RunAsync(Arguments.Parse(rest, []));
        case AgreementScaleBenchmark.Command:
            return await AgreementScaleBenchmark.RunAsync(Arguments.Parse(rest, AgreementScaleBenchmark.Flags));
        case ExportBenchmark.Command:
            return await ExportBenchmark.RunAsync(Arguments.Parse(rest, ExportBenchmark.Flags));
        case "micro":
            var benchmarkArgs = rest.Any(a => a is "--filter" or "-f") ? rest : [.. rest, "--filter", "*"];
            BenchmarkSwitcher.FromTypes([typeof(ArticleBenchmarks), typeof(AgreementBenchmarks), typeof(AgreementStoreBenchmarks)]).Run(benchmarkArgs);
            return 0;
        default:
            Console.WriteLine("""
                Annotate benchmarks (run with -c Release):
                  corpus-load [--articles 10000] [--dir PATH] [--keep] [--runs 1] [--gc server|workstation] [--in-process]
                              [--no-sync] [--env NAME=value,...]
                      Generates a deterministic corpus and times cold, warm and touch-1% loads, each in a child process.
                      --dir is a scratch folder (deleted afterwards unless --keep); --env sets variables for the child
                      processes (e.g. DOTNET_TieredPGO=0). Exit code 1 when a target is missed.
                  corpus-load-breakdown [--articles 10000] [--dir PATH] [--keep]
                      Diagnostic: a cold load's stages (scan, read, parse, SQLite writes) timed one by one.
                  micro [BenchmarkDotNet arguments, e.g. --job short]
                      Per-article parse, render and sanitise; the agreement core; agreement read from SQLite.
                  long-article [--words 100000] [--spans 10000] [--relations 2000] [--runs 5] [--creates 10] [--parallel 4] [--dir PATH] [--keep] [--trace FILE]
                      The annotation view in headless Chromium (CHROMIUM_PATH, else /usr/bin/chromium) on a generated
                      article with that many spans: first text, span creation, scrolling, payload sizes.
                      Exit code 1 when a target is missed (first text 1.5 s, a span 100 ms).
                  live-latency [--readers 10] [--spans 100] [--runs 1] [--warmup 3] [--pause 250]
                      One headless Chromium: a writer page and N reader pages (each its own person) on one document of
                      an open project. The writer selects a stretch and presses a label key; time from the key to the
                      span drawn at each reader (p50, p90, p99, max), with the writer's own highlight, the save's
                      acknowledgement and the hub message's arrival. --pause ms between spans; warm-up spans not counted.
                      Exit code 1 when p99 reaches 150 ms.
                  hub-load [--clients 50] [--savers 5] [--rate 50] [--seconds 10] [--max-rate] [--instances 1|2] [--db postgres://…]
                      N SignalR clients on one document of a real server process; save-to-receive latency,
                      delivery, duplicates, acknowledgement latency, server CPU and peak memory.
                  agreement-live [--viewers 30] [--savers 5] [--rate 10] [--seconds 20]
                      V viewers follow a document's agreement (WatchAgreement + a refetch per AgreementChanged) while
                      annotators save: how soon each viewer's figures include a save, and the saves' ack latency.
                  export [--documents 10000] [--annotations 1000000] [--formats jsonl,csv,...] [--dir PATH] [--keep]
                      Seeds a project (5 annotators, a gold layer on every tenth document) and times `annotate export`
                      per format in a child process with its peak memory. Exit code 1 when a target (30 s, 500 MB) is missed.
                  cli-speed [--units 200000] [--coders 5] [--runs 5] [--annotate PATH] [--python PATH] [--file PATH] [--seed 15]
                      The whole `annotate agreement FILE` process against pandas.read_csv + pivot + a numpy alpha
                      (python/pandas_alpha.py, Debian's python3-pandas) on one seeded ratings file: wall time and peak
                      RSS (/usr/bin/time) of each, interleaved, medians. Exit code 1 when under 5× or over 150 MB.
                  agreement-scale [--documents 10000] [--annotations 1000000] [--dir PATH] [--keep]
                      Seeds the export benchmark's project (opened) and times its agreement report: `annotate agreement
                      --project`, the agreement export and a card-carrying export in child processes, and a server's
                      cold and warm report over HTTP, each with peak memory. Exit code 1 when a target (15 s, 500 MB) is missed.
                  agreement-profile [--store]
                      Diagnostic: agreement stages timed one by one (--store: the app's report after one save).
                  agreement-report-profile --db PATH [--project bench] [--out FILE] [--sequential]
                      Diagnostic: one project report computed in process on an existing database (e.g. one that
                      agreement-scale --keep left): wall and CPU time, bytes allocated, GCs, peak working set.
                """);
            return command is "help" or "--help" or "-h" ? 0 : 2;
    }
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}
