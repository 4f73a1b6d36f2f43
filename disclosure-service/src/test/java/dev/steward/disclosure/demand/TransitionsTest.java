package dev.steward.disclosure.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The lifecycle table and the README's Mermaid state diagram say the same. */
class TransitionsTest {

    @Test
    void readmeDiagramIsTheTable() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String diagram = readme.substring(readme.indexOf("stateDiagram-v2"), readme.indexOf("```", readme.indexOf("stateDiagram-v2")));
        Set<String> drawn = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\s*([A-Z_]+) --> ([A-Z_]+)\\s*$").matcher(diagram);
        while (m.find()) {
            drawn.add(m.group(1) + " -> " + m.group(2));
        }
        Set<String> table = new TreeSet<>();
        for (DemandStatus from : DemandStatus.values()) {
            for (DemandStatus to : Transitions.allowedFrom(from)) {
                table.add(from + " -> " + to);
            }
        }
        assertEquals(table, drawn);
    }

    @Test
    void terminalStatusesEndTheLifecycle() {
        for (DemandStatus s : Set.of(DemandStatus.PRODUCED_FULL, DemandStatus.PRODUCED_PARTIAL, DemandStatus.REJECTED,
                DemandStatus.NO_DATA)) {
            assertTrue(s.terminal(), s.name());
        }
        assertFalse(DemandStatus.APPROVED_FOR_PRODUCTION.terminal());
        assertFalse(Transitions.allowed(DemandStatus.RECEIVED, DemandStatus.APPROVED_FOR_PRODUCTION));
        assertTrue(Transitions.allowed(DemandStatus.CHALLENGED, DemandStatus.NARROWED));
    }
}
