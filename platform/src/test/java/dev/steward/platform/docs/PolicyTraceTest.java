package dev.steward.platform.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/policy-trace.md stays true: every section of the policy has a row, and every test it names
 * still exists in the repository (a renamed or deleted test breaks the build until the trace follows).
 */
class PolicyTraceTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern POLICY_SECTION = Pattern.compile("^\\*\\*(\\d+)\\\\?\\.", Pattern.MULTILINE);
    private static final Pattern TRACE_SECTION = Pattern.compile("^## §(\\d+) ", Pattern.MULTILINE);
    private static final Pattern TEST_REFERENCE = Pattern.compile("`(\\w+(?:Test|IT))#(\\w+)`");

    @Test
    void everySectionOfThePolicyHasARowWithATest() {
        TreeSet<Integer> policy = numbers(POLICY_SECTION, read("docs/privacy-policy.md"));
        assertEquals(17, policy.size(), "the policy's numbered sections");
        String trace = read("docs/policy-trace.md");
        Map<Integer, String> sections = sections(trace);
        for (int section : policy) {
            String body = sections.get(section);
            assertTrue(body != null, "§" + section + " has no section in docs/policy-trace.md");
            assertTrue(TEST_REFERENCE.matcher(body).find(), "§" + section + " names no test in docs/policy-trace.md");
        }
    }

    @Test
    void everyTestNamedInTheTraceExists() throws IOException {
        Map<String, List<Path>> testFiles;
        try (Stream<Path> files = Files.walk(ROOT)) {
            testFiles = files.filter(p -> p.toString().contains("/src/test/java/") && p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .collect(Collectors.groupingBy(p -> p.getFileName().toString().replace(".java", ""),
                            Collectors.mapping(Function.identity(), Collectors.toList())));
        }
        Matcher m = TEST_REFERENCE.matcher(read("docs/policy-trace.md"));
        List<String> missing = new ArrayList<>();
        int references = 0;
        while (m.find()) {
            references++;
            String method = "void " + m.group(2) + "(";
            boolean found = testFiles.getOrDefault(m.group(1), List.of()).stream().anyMatch(p -> read(p).contains(method));
            if (!found) {
                missing.add(m.group(1) + "#" + m.group(2));
            }
        }
        assertTrue(references >= 40, "the trace names " + references + " tests");
        assertTrue(missing.isEmpty(), "tests named in docs/policy-trace.md that do not exist: " + missing);
    }

    private static Map<Integer, String> sections(String trace) {
        Matcher m = TRACE_SECTION.matcher(trace);
        List<int[]> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {Integer.parseInt(m.group(1)), m.start()});
        }
        Map<Integer, String> out = new java.util.HashMap<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[1] : trace.length();
            out.put(starts.get(i)[0], trace.substring(starts.get(i)[1], end));
        }
        return out;
    }

    private static TreeSet<Integer> numbers(Pattern p, String text) {
        TreeSet<Integer> out = new TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    private static String read(String relative) {
        return read(ROOT.resolve(relative));
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
