package org.tcpsim.scenario.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tcpsim.scenario.load.ScenarioException;
import org.tcpsim.scenario.load.ScenarioLoader;
import org.tcpsim.scenario.load.Suggest;

/**
 * The {@code tcpsim} command line (README, The command line; a contract: extended, never
 * renamed). Exit status: 0 success; 1 an expectation failed; 2 bad input or usage; 3 internal
 * error; 130 a run stopped by SIGINT.
 */
public final class Main {
  public static final int OK = 0;
  public static final int EXPECTATION_FAILED = 1;
  public static final int BAD_INPUT = 2;
  public static final int INTERNAL_ERROR = 3;
  /** SIGINT stopped a run: 128 + 2, what the shell reports for it (README "Outputs"). */
  public static final int INTERRUPTED = 130;

  private static final String DESCRIPTION = "A discrete-event TCP network simulator.";

  static final CommandSpec VALIDATE = new CommandSpec("validate", List.of(
      "Check scenario files without running them. Prints 'FILE: ok' for each good file and "
          + "every problem as FILE:LINE:COL: message; exit status 2 if any file has a problem."),
      List.of(OptionSpec.repeatable("--set", "KEY=VALUE", "Override a key by its path before "
          + "checking, e.g. hosts.B.tcp.backlog=64 (repeatable).")),
      "FILE", 1, CommandSpec.MANY, "Scenario files to check.");

  static final CommandSpec LIST = CommandSpec.of("list", List.of(
      "List the bundled scenarios with their descriptions. Run one with 'tcpsim run NAME'; the "
          + "files are in scenarios/library/ to open and copy."), List.of());

  static final CommandSpec HELP = new CommandSpec("help", List.of(
      "Show the help of a command. 'tcpsim help run' is 'tcpsim run --help'."), List.of(),
      "COMMAND", 0, 1, "The command to explain; without it, tcpsim's own help.");

  /** Every command, in the order {@code tcpsim --help} lists them. */
  static final List<CommandSpec> COMMANDS = List.of(RunOptions.SPEC, SweepCommand.SPEC,
      CollectCommand.SPEC, VALIDATE, LIST, BenchCommand.SPEC, HELP);

  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit status. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    return guarded(() -> dispatch(List.of(args), out, err), out, err);
  }

  /** A command's body: its exit status, or what it threw. */
  interface Body {
    int call() throws Exception;
  }

  /** Runs {@code body} and turns whatever it throws into a message and an exit status. */
  static int guarded(Body body, PrintWriter out, PrintWriter err) {
    try {
      return body.call();
    } catch (UsageException e) {
      err.println("tcpsim: " + e.getMessage());
      String command = e.command().isEmpty() ? "" : e.command() + " ";
      err.println("Try 'tcpsim " + command + "--help' for usage.");
      return BAD_INPUT;
    } catch (Exception e) {
      err.println("tcpsim: internal error: " + e);
      err.println("This is a bug in tcpsim; please report it with the command line above.");
      return INTERNAL_ERROR;
    } catch (Error e) {
      // A stack overflow or out of memory: exit status 3 (README "The command line") in one
      // line, never the JVM's stack trace of a thousand lines. The stack has unwound by now.
      err.println("tcpsim: internal error: " + errorLine(e));
      return INTERNAL_ERROR;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int dispatch(List<String> words, PrintWriter out, PrintWriter err)
      throws Exception {
    if (words.isEmpty()) {
      err.print(Usage.top(DESCRIPTION, COMMANDS));
      return BAD_INPUT;
    }
    String first = words.get(0);
    switch (first) {
      case "-h", "--help" -> {
        out.print(Usage.top(DESCRIPTION, COMMANDS));
        return OK;
      }
      case "-V", "--version" -> {
        out.println(versionLine());
        return OK;
      }
      default -> { }
    }
    CommandSpec spec = command(first);
    if (spec == null) {
      List<String> names = COMMANDS.stream().map(CommandSpec::name).toList();
      String hint = Suggest.closest(first, names).map(s -> "; did you mean '" + s + "'?")
          .orElse("; the commands are " + String.join(", ", names));
      throw new UsageException("", (first.startsWith("-") ? "Unknown option: '"
          : "Unknown command: '") + first + "'" + hint);
    }
    Args a = Args.parse(spec, words.subList(1, words.size()));
    if (a.has("--help")) {
      out.print(Usage.of(spec));
      return OK;
    }
    if (a.has("--version")) {
      out.println(versionLine());
      return OK;
    }
    return switch (spec.name()) {
      case "run" -> new RunCommand(RunOptions.from(a), out, err).call();
      case "sweep" -> new SweepCommand(a).call(out, err);
      case "collect" -> new CollectCommand(a).call(out, err);
      case "validate" -> validate(a, out, err);
      case "list" -> list(out);
      case "bench" -> new BenchCommand(a).call(out, err);
      case "help" -> help(a, out);
      default -> throw new IllegalStateException("no command " + spec.name());
    };
  }

  /** What went wrong in one line; running out of memory says how to give the JVM more. */
  private static String errorLine(Error e) {
    String what = e.toString().replaceAll("\\s+", " ").strip();
    if (e instanceof OutOfMemoryError) {
      return "out of memory (" + what + "); give the JVM more with TCPSIM_JAVA_OPTS=-Xmx8g";
    }
    return what + " (a bug in tcpsim; please report it with the command line above)";
  }

  private static CommandSpec command(String name) {
    for (CommandSpec c : COMMANDS) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static int help(Args a, PrintWriter out) throws UsageException {
    String name = a.parameter();
    if (name == null) {
      out.print(Usage.top(DESCRIPTION, COMMANDS));
      return OK;
    }
    CommandSpec spec = command(name);
    if (spec == null) {
      throw a.error("Unknown command: '" + name + "'");
    }
    out.print(Usage.of(spec));
    return OK;
  }

  /** The jar's version, or {@code development build} when run from classes. */
  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  private static String versionLine() {
    String v = Main.class.getPackage().getImplementationVersion();
    return "tcpsim " + (v == null ? "(development build)" : v);
  }

  private static int validate(Args a, PrintWriter out, PrintWriter err) {
    List<String> sets = a.values("--set");
    int status = OK;
    for (String file : a.parameters()) {
      try {
        ScenarioLoader.load(Path.of(file), sets);
        out.println(file + ": ok");
      } catch (ScenarioException e) {
        e.errors().forEach(err::println);
        status = BAD_INPUT;
      } catch (InvalidPathException e) {
        err.println(file + ": not a valid path: " + e.getReason());
        status = BAD_INPUT;
      }
    }
    return status;
  }

  private static int list(PrintWriter out) {
    List<String> names = new ArrayList<>(Library.names());
    int width = names.stream().mapToInt(String::length).max().orElse(0) - ".yaml".length();
    for (String file : names) {
      String name = file.substring(0, file.length() - ".yaml".length());
      String description;
      try {
        description = ScenarioLoader.parse(Library.text(file).orElseThrow(), "library/" + file,
            List.of()).description().orElse("").strip();
      } catch (ScenarioException e) {
        description = "(does not load: " + e.errors().get(0) + ")";
      }
      out.printf("%-" + width + "s  %s%n", name, description.replace('\n', ' '));
    }
    return OK;
  }
}
