package org.guangsha.itests;

import static org.junit.Assert.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.inject.Inject;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Conditional;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * The distribution boots with no network access, and a city can switch features offline: every
 * bundle running, and every bundle of every Guangsha feature (conditional ones included), is in the
 * distribution's {@code system/} folder.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SelfContainedDistributionIT extends GuangshaTestSupport {

    @Inject FeaturesService features;

    @Test
    public void everyBundleTheCityNeedsIsInSystem() throws Exception {
        File system = new File(System.getProperty("karaf.home"), "system");
        Set<String> missing = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        List<Feature> toCheck = new ArrayList<>();
        for (Feature f : features.listInstalledFeatures()) {
            // Pax Exam adds its own test bundles; they are not part of the distribution.
            if (!f.getName().contains("exam") && !f.getName().startsWith("test-")) {
                toCheck.add(f);
            }
        }
        for (Feature f : features.listFeatures()) {
            if (f.getName().startsWith("guangsha-") || f.getName().equals("pax-jdbc-postgresql")) {
                toCheck.add(f);
            }
        }
        assertTrue(toCheck.stream().anyMatch(f -> f.getName().equals("guangsha-city-jiangxi")));
        for (Feature f : toCheck) {
            collect(system, f, missing, seen);
        }
        assertTrue("Not in system/: " + missing, missing.isEmpty());
        assertTrue("checked " + seen.size() + " features", seen.size() > 20);
    }

    private void collect(File system, Feature feature, Set<String> missing, Set<String> seen)
            throws Exception {
        if (!seen.add(feature.getId())) {
            return;
        }
        for (BundleInfo b : feature.getBundles()) {
            check(system, b.getLocation(), missing);
        }
        for (Conditional c : feature.getConditional()) {
            for (BundleInfo b : c.getBundles()) {
                check(system, b.getLocation(), missing);
            }
        }
        for (org.apache.karaf.features.Dependency d : feature.getDependencies()) {
            for (Feature dep : features.getFeatures(d.getName(), d.getVersion())) {
                collect(system, dep, missing, seen);
            }
        }
    }

    /** Maps {@code mvn:g/a/v[/type[/classifier]]} (possibly wrapped) to its file in system/. */
    private static void check(File system, String location, Set<String> missing) {
        String mvn = location.substring(location.indexOf("mvn:") + 4);
        int cut = mvn.indexOf('$');
        if (cut >= 0) {
            mvn = mvn.substring(0, cut);
        }
        String[] p = mvn.split("/");
        if (p.length < 3) {
            return;
        }
        String type = p.length > 3 && !p[3].isEmpty() ? p[3] : "jar";
        String classifier = p.length > 4 ? "-" + p[4] : "";
        File file =
                new File(
                        system,
                        p[0].replace('.', '/')
                                + "/"
                                + p[1]
                                + "/"
                                + p[2]
                                + "/"
                                + p[1]
                                + "-"
                                + p[2]
                                + classifier
                                + "."
                                + type);
        if (!file.isFile()) {
            missing.add(location);
        }
    }
}
