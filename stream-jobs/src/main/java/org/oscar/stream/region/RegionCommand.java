package org.oscar.stream.region;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oscar.contract.region.RegionCatalog;

/**
 * {@code oscar region}: checks region bundles ({@code check DIR...}: every problem of every bundle,
 * exit 1 if any) and scaffolds bundles for a state's districts ({@code scaffold}).
 */
public final class RegionCommand {
  private static final String USAGE =
      """
      Usage:
        oscar region check DIR...
            Reads every region bundle under each DIR (a folder with region.json, at any depth) and
            lists every problem found: missing or unreadable files, invalid polygons, stations or
            facilities outside the boundary, posts the policy alerts without a contact, ids used
            twice. Exit 0 if none, 1 if any.
        oscar region scaffold --districts FILE --state NAME OUT
              [--property district] [--headquarters FILE] [--dispatch-region ID]
              [--stations REGION=FILE]...
            Writes a first bundle into OUT/<region> for every district of FILE (GeoJSON, the
            district's name in --property) that OUT does not have yet: see docs/rollout.md.
      """;

  private RegionCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      out.print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    try {
      return switch (args[0]) {
        case "check" -> check(List.of(args).subList(1, args.length), out);
        case "scaffold" -> scaffold(List.of(args).subList(1, args.length), out);
        default -> usage(err, "unknown command " + args[0]);
      };
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    }
  }

  private static int check(List<String> dirs, PrintStream out) {
    if (dirs.isEmpty()) {
      throw new IllegalArgumentException("check needs at least one folder");
    }
    int problems = 0;
    for (String dir : dirs) {
      RegionCatalog.Result r = RegionCatalog.load(Path.of(dir));
      if (r.ok()) {
        out.printf("%s: %d region bundle(s), no problems%n", dir, r.bundles());
      } else {
        out.printf(
            "%s: %d region bundle(s), %d problem(s):%n", dir, r.bundles(), r.problems().size());
        r.problems().forEach(p -> out.println("  " + p));
        problems += r.problems().size();
      }
    }
    return problems == 0 ? 0 : 1;
  }

  private static int scaffold(List<String> args, PrintStream out) {
    Map<String, String> options = new LinkedHashMap<>();
    Map<String, Path> stations = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("--")) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        String v = args.get(++i);
        if (a.equals("--stations")) {
          int eq = v.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("--stations takes REGION=FILE");
          }
          stations.put(v.substring(0, eq), Path.of(v.substring(eq + 1)));
        } else {
          options.put(a.substring(2), v);
        }
      } else {
        rest.add(a);
      }
    }
    if (rest.size() != 1 || !options.containsKey("districts") || !options.containsKey("state")) {
      throw new IllegalArgumentException("scaffold needs --districts, --state and one OUT folder");
    }
    List<String> written =
        BundleScaffold.write(
            new BundleScaffold.Request(
                Path.of(options.get("districts")),
                options.getOrDefault("property", "district"),
                options.containsKey("headquarters") ? Path.of(options.get("headquarters")) : null,
                options.get("state"),
                options.get("dispatch-region"),
                stations,
                Path.of(rest.get(0))));
    out.printf("wrote %d bundle(s): %s%n", written.size(), String.join(", ", written));
    return 0;
  }

  private static int usage(PrintStream err, String why) {
    err.println("oscar region: " + why);
    err.print(USAGE);
    return 2;
  }
}
