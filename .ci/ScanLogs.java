import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fails the build when a log the tests wrote holds personal data the tests sent, or a token.
 *
 * <p>What counts as the tests' personal data is read from the test sources themselves, so a new
 * test's data is covered without editing this file: e-mail addresses at reserved example domains,
 * documentation IP addresses (RFC 5737), 555-01xx and Ofcom drama phone numbers, full names given as
 * {@code "fullName", "First Last"}, and payment-card numbers (digit runs that pass the Luhn check).
 * Any JWT (three base64url parts starting {@code eyJ}) is a token wherever it appears.
 *
 * <p>Logs: every {@code *.log} and surefire/failsafe {@code *-output.txt} under a {@code target}
 * directory, plus the files named on the command line (CI passes the build's own output).
 *
 * <p>Run: {@code java .ci/ScanLogs.java <repository root> [more log files]}.
 */
public class ScanLogs {

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\\.)*(?:example\\.(?:com|org|net)|[A-Za-z0-9-]+\\.test|[A-Za-z0-9-]+\\.example|client\\.example)\\b");
    private static final Pattern DOC_IP = Pattern.compile("\\b(?:192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.\\d{1,3}\\b");
    private static final Pattern PHONE = Pattern.compile("\\+1 555 01\\d\\d|\\+44 20 7946 \\d{4}");
    private static final Pattern FULL_NAME = Pattern.compile("\"fullName\",\\s*\"([A-Z][a-z]+ [A-Z][a-z]+)\"");
    private static final Pattern DIGIT_RUN = Pattern.compile("\\b\\d(?:[ -]?\\d){12,18}\\b");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Set<String> needles = needles(root);
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().contains("/target/"))
                    .filter(p -> p.toString().endsWith(".log") || p.toString().endsWith("-output.txt"))
                    .forEach(logs::add);
        }
        for (int i = 1; i < args.length; i++) {
            logs.add(Path.of(args[i]));
        }
        List<String> findings = new ArrayList<>();
        long lines = 0;
        for (Path log : logs) {
            List<String> content = readLines(log);
            for (int n = 0; n < content.size(); n++) {
                String line = content.get(n);
                lines++;
                for (String needle : needles) {
                    if (line.contains(needle)) {
                        findings.add(root.relativize(log.toAbsolutePath()) + ":" + (n + 1) + " holds test personal data '" + mask(needle) + "'");
                    }
                }
                if (JWT.matcher(line).find()) {
                    findings.add(root.relativize(log.toAbsolutePath()) + ":" + (n + 1) + " holds a token");
                }
            }
        }
        System.out.printf("log scan: %d values the tests send, %d log files, %d lines, %d finding(s)%n",
                needles.size(), logs.size(), lines, findings.size());
        findings.stream().limit(50).forEach(f -> System.out.println("  " + f));
        if (!findings.isEmpty()) {
            System.exit(1);
        }
    }

    /** The personal data the tests send, read from their sources. */
    static Set<String> needles(Path root) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        Set<String> ownAddresses = ownAddresses();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/test/") || p.toString().contains("/e2e-tests/src/"))
                    .filter(p -> !p.toString().contains("/target/")).toList()) {
                String text = Files.readString(source);
                collect(EMAIL, text, 0, out);
                collect(PHONE, text, 0, out);
                collect(FULL_NAME, text, 1, out);
                Matcher ip = DOC_IP.matcher(text);
                while (ip.find()) {
                    if (!ownAddresses.contains(ip.group())) {
                        out.add(ip.group());
                    }
                }
                Matcher digits = DIGIT_RUN.matcher(text);
                while (digits.find()) {
                    String bare = digits.group().replaceAll("[ -]", "");
                    if (luhn(bare) && !bare.chars().allMatch(c -> c == '0')) {
                        out.add(digits.group());
                        out.add(bare);
                    }
                }
            }
        }
        return out;
    }

    private static void collect(Pattern p, String text, int group, Set<String> out) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(group));
        }
    }

    /** This machine's own addresses may be documentation addresses too; they are not test data. */
    private static Set<String> ownAddresses() {
        Set<String> out = new LinkedHashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                nic.inetAddresses().forEach(a -> out.add(a.getHostAddress()));
            }
        } catch (IOException e) {
            // no interfaces to exclude
        }
        return out;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static List<String> readLines(Path log) {
        try {
            return List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mask(String value) {
        return value.length() <= 4 ? "****" : value.substring(0, 2) + "…" + value.substring(value.length() - 2);
    }
}
