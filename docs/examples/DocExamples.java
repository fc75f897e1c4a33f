import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the example sessions of the documentation against a real server and writes what the server answered back into
 * the page, so that an example cannot go stale.
 *
 * <p>A session is the part of a Markdown page between {@code <!-- examples:begin -->} and
 * {@code <!-- examples:end -->}. Its {@code sh} blocks run in order, in one shell, in a fresh folder beside a link to
 * {@code token-http}:
 * <ul>
 *   <li>a block whose lines start with {@code $ } is a list of commands, each followed by what it printed; the
 *       output is regenerated. For {@code curl -i}, only the status line, the headers the page already shows for that
 *       command (sorted by name, as servers send them in no fixed order) and the body are kept;</li>
 *   <li>any other block is setup and runs as written, except one that starts {@code token-http/target/token-server}:
 *       that server runs in the background until the session ends, and the session waits for its health check.</li>
 * </ul>
 *
 * <p>{@code --write} rewrites the pages; {@code --check} fails (exit 1, with a diff) when a page differs from what the
 * server answers now in anything but token values, token and key ids and times.
 *
 * <p>Usage, from the repository root after {@code mvn -B -q -pl token-http -am package -DskipTests}:
 * {@code java docs/examples/DocExamples.java --check|--write PAGE.md...}
 */
public class DocExamples {

    private static final String BEGIN = "<!-- examples:begin -->";
    private static final String END = "<!-- examples:end -->";
    private static final String SERVER_COMMAND = "token-http/target/token-server";
    private static final Pattern FENCE = Pattern.compile("(?m)^```(\\S*)\\n(.*?)^```\\n", Pattern.DOTALL);
    private static final Duration SESSION_TIMEOUT = Duration.ofMinutes(3);

    /** Parts of an answer that differ from run to run, each with the placeholder it becomes for {@code --check}. */
    private static final Map<Pattern, String> VOLATILE = new LinkedHashMap<>();

    static {
        VOLATILE.put(Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), "<jwt>");
        VOLATILE.put(Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])"), "<token>");
        VOLATILE.put(Pattern.compile("(?<![0-9A-Z])[0-9A-HJKMNP-TV-Z]{26}(?![0-9A-Z])"), "<id>");
        VOLATILE.put(Pattern.compile("(?<![0-9])1[0-9]{9}(?![0-9])"), "<time>");
        VOLATILE.put(Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "<uuid>");
        VOLATILE.put(Pattern.compile("(?m)^(Date|Expires|Last-Modified): .*$"), "$1: <date>");
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !Set.of("--check", "--write").contains(args[0])) {
            System.err.println("usage: java docs/examples/DocExamples.java --check|--write PAGE.md...");
            System.exit(2);
        }
        Path repository = Path.of("").toAbsolutePath();
        if (!Files.isRegularFile(repository.resolve(SERVER_COMMAND))) {
            System.err.println("build the server first: mvn -B -q -pl token-http -am package -DskipTests");
            System.exit(2);
        }
        boolean stale = false;
        for (int i = 1; i < args.length; i++) {
            Path page = Path.of(args[i]);
            String text = Files.readString(page);
            String regenerated = regenerate(text, repository);
            if (args[0].equals("--write")) {
                Files.writeString(page, regenerated);
                System.out.println(page + ": written");
            } else if (!mask(regenerated).equals(mask(text))) {
                stale = true;
                System.out.println(page + ": the examples differ from what the server answers now:");
                System.out.println(diff(mask(text), mask(regenerated)));
            } else {
                System.out.println(page + ": examples current");
            }
        }
        if (stale) {
            System.out.println("regenerate them with: java docs/examples/DocExamples.java --write PAGE.md");
            System.exit(1);
        }
    }

    /** The page with every session's outputs replaced by what a fresh run prints. */
    static String regenerate(String text, Path repository) throws IOException, InterruptedException {
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (true) {
            int begin = text.indexOf(BEGIN, from);
            if (begin < 0) {
                break;
            }
            int end = text.indexOf(END, begin);
            if (end < 0) {
                throw new IllegalArgumentException("an examples section is not closed with " + END);
            }
            out.append(text, from, begin);
            out.append(runSession(text.substring(begin, end), repository));
            from = end;
        }
        if (from == 0) {
            throw new IllegalArgumentException("the page has no " + BEGIN + " section");
        }
        return out.append(text.substring(from)).toString();
    }

    /** One command of a {@code $} block with the output the page shows, and the blank lines that follow it. */
    record Example(String command, List<String> shown, int blankLinesAfter) {

        /** The header names the page shows for this command, lower case. */
        Set<String> shownHeaders() {
            Set<String> names = new TreeSet<>();
            for (String line : shown) {
                if (line.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon > 0 && !line.startsWith("HTTP/")) {
                    names.add(line.substring(0, colon).toLowerCase(Locale.ROOT));
                }
            }
            return names;
        }
    }

    private static String runSession(String session, Path repository) throws IOException, InterruptedException {
        List<Object> blocks = new ArrayList<>(); // String for setup, List<Example> for examples
        Matcher fence = FENCE.matcher(session);
        while (fence.find()) {
            if (!fence.group(1).equals("sh")) {
                continue;
            }
            String body = fence.group(2);
            blocks.add(body.startsWith("$ ") ? parseExamples(body) : body);
        }
        StringBuilder script = new StringBuilder("cleanup() { [ -n \"${SERVER_PID:-}\" ] && kill \"$SERVER_PID\" "
                + "2>/dev/null; wait 2>/dev/null; }\ntrap cleanup EXIT\n");
        List<Example> examples = new ArrayList<>();
        for (Object block : blocks) {
            if (block instanceof String setup) {
                script.append(setup.contains(SERVER_COMMAND) ? startServer(setup) : setup);
            } else {
                for (Object item : (List<?>) block) {
                    Example example = (Example) item;
                    int n = examples.size();
                    examples.add(example);
                    script.append("printf '@@BEGIN ").append(n).append("\\n'\n")
                            .append(example.command()).append('\n')
                            .append("printf '\\n@@END ").append(n).append("\\n'\n");
                }
            }
        }
        List<String> outputs = runScript(script.toString(), repository, examples.size());

        StringBuilder result = new StringBuilder();
        Matcher rewrite = FENCE.matcher(session);
        int from = 0;
        int next = 0;
        while (rewrite.find()) {
            if (!rewrite.group(1).equals("sh") || !rewrite.group(2).startsWith("$ ")) {
                continue;
            }
            result.append(session, from, rewrite.start(2));
            for (Object item : parseExamples(rewrite.group(2))) {
                Example example = (Example) item;
                result.append("$ ").append(example.command()).append('\n');
                String output = filter(outputs.get(next++), example);
                if (!output.isEmpty()) {
                    result.append(output).append('\n');
                }
                result.append("\n".repeat(example.blankLinesAfter()));
            }
            from = rewrite.end(2);
        }
        return result.append(session.substring(from)).toString();
    }

    private static List<Example> parseExamples(String block) {
        List<Example> examples = new ArrayList<>();
        String[] lines = block.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            if (!lines[i].startsWith("$ ")) {
                i++;
                continue;
            }
            String command = lines[i].substring(2);
            List<String> shown = new ArrayList<>();
            i++;
            while (i < lines.length && !lines[i].startsWith("$ ")) {
                shown.add(lines[i]);
                i++;
            }
            if (i == lines.length && !shown.isEmpty() && shown.get(shown.size() - 1).isEmpty()) {
                shown.remove(shown.size() - 1); // the line break before the closing fence
            }
            int blank = 0;
            while (!shown.isEmpty() && shown.get(shown.size() - 1).isEmpty()) {
                shown.remove(shown.size() - 1);
                blank++;
            }
            examples.add(new Example(command, shown, blank));
        }
        return examples;
    }

    /** The setup block that starts the server, run in the background, followed by a wait for its health check. */
    private static String startServer(String setup) {
        String command = setup.strip();
        return command + " >server.log 2>&1 &\nSERVER_PID=$!\n"
                + "for i in $(seq 1 600); do curl -sf -o /dev/null http://localhost:8080/healthz && break; sleep 0.1; done\n"
                + "curl -sf -o /dev/null http://localhost:8080/healthz || { echo 'the server did not start:' >&2; "
                + "cat server.log >&2; exit 1; }\n";
    }

    private static List<String> runScript(String script, Path repository, int count)
            throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("doc-examples");
        Files.createSymbolicLink(folder.resolve("token-http"), repository.resolve("token-http"));
        Path file = folder.resolve("session.sh");
        Files.writeString(file, script);
        Process shell = new ProcessBuilder("bash", file.toString())
                .directory(folder.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] bytes = shell.getInputStream().readAllBytes();
        if (!shell.waitFor(SESSION_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            shell.destroyForcibly();
            throw new IllegalStateException("the session did not end within " + SESSION_TIMEOUT);
        }
        String printed = new String(bytes, StandardCharsets.UTF_8).replace("\r", "");
        List<String> outputs = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String begin = "@@BEGIN " + n + "\n";
            String end = "\n@@END " + n + "\n";
            int start = printed.indexOf(begin);
            int stop = printed.indexOf(end, start);
            if (start < 0 || stop < 0) {
                throw new IllegalStateException("example " + (n + 1) + " did not run to its end; the shell printed:\n"
                        + printed);
            }
            outputs.add(printed.substring(start + begin.length(), stop).stripTrailing());
        }
        return outputs;
    }

    /** For an answer with a status line ({@code curl -i}), keeps the headers the page shows and the body. */
    private static String filter(String output, Example example) {
        if (!output.startsWith("HTTP/")) {
            return output;
        }
        int split = output.indexOf("\n\n");
        String head = split < 0 ? output : output.substring(0, split);
        String body = split < 0 ? "" : output.substring(split + 2);
        Set<String> keep = example.shownHeaders();
        String[] lines = head.split("\n");
        Set<String> headers = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && keep.contains(line.substring(0, colon).toLowerCase(Locale.ROOT))) {
                headers.add(line);
            }
        }
        String kept = lines[0] + (headers.isEmpty() ? "" : "\n" + String.join("\n", headers));
        return body.isEmpty() ? kept : kept + "\n\n" + body;
    }

    static String mask(String text) {
        String masked = text;
        for (Map.Entry<Pattern, String> part : VOLATILE.entrySet()) {
            masked = part.getKey().matcher(masked).replaceAll(part.getValue());
        }
        return masked;
    }

    private static String diff(String before, String after) throws IOException, InterruptedException {
        Path a = Files.createTempFile("page", ".md");
        Path b = Files.createTempFile("regenerated", ".md");
        Files.writeString(a, before);
        Files.writeString(b, after);
        Process diff = new ProcessBuilder("diff", "-u", a.toString(), b.toString()).redirectErrorStream(true).start();
        String printed = new String(diff.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        diff.waitFor();
        return printed;
    }
}
