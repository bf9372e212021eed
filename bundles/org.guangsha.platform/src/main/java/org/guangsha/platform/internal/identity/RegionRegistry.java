package org.guangsha.platform.internal.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Region;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the region tree from {@code etc/guangsha/regions.json} (shipped with Shenzhen's districts
 * and Jiangxi's cities and counties) and answers scope questions from it.
 */
@Component(
        service = {Regions.class, RegionRegistry.class},
        configurationPid = RegionRegistry.PID)
@Designate(ocd = RegionRegistry.Config.class)
public class RegionRegistry implements Regions {

    /** The configuration PID. */
    public static final String PID = "org.guangsha.regions";

    /** Where the region tree is. */
    @ObjectClassDefinition(id = PID, name = "Guangsha regions")
    public @interface Config {
        @AttributeDefinition(
                description = "The region tree file; relative paths are below Karaf's etc/")
        String file() default "guangsha/regions.json";
    }

    private static final Logger LOG = LoggerFactory.getLogger(RegionRegistry.class);

    private final List<Region> tree;
    private final Map<String, Region> byCode = new HashMap<>();
    private final Map<String, String> parentOf = new HashMap<>();

    /** Built by DS. */
    @Activate
    public RegionRegistry(Config config) {
        this(load(resolve(config.file())));
    }

    /** Built by tests. */
    public RegionRegistry(List<Region> tree) {
        this.tree = List.copyOf(tree);
        tree.forEach(r -> index(r, null));
    }

    private void index(Region r, String parent) {
        byCode.put(r.code(), r);
        if (parent != null) {
            parentOf.put(r.code(), parent);
        }
        r.children().forEach(c -> index(c, r.code()));
    }

    @Override
    public List<Region> tree() {
        return tree;
    }

    @Override
    public Optional<Region> region(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    @Override
    public boolean covers(String scopeCode, String regionCode) {
        if (scopeCode == null || regionCode == null || !byCode.containsKey(regionCode)) {
            return false;
        }
        for (String c = regionCode; c != null; c = parentOf.get(c)) {
            if (c.equals(scopeCode)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean mayAct(Caller caller, String regionCode) {
        return caller != null
                && (caller.roles().contains("OPERATOR")
                        || caller.roles().contains("CASEWORKER")
                                && covers(caller.regionCode(), regionCode));
    }

    @Override
    public void checkScope(Caller caller, String regionCode) {
        if (!mayAct(caller, regionCode)) {
            throw new ProblemException(
                    new Problem(
                            Problem.type("out-of-region"),
                            "无权办理该区域的业务",
                            "Not allowed to act in this region",
                            403,
                            null,
                            null,
                            null));
        }
    }

    static Path resolve(String file) {
        Path path = Path.of(file);
        String etc = System.getProperty("karaf.etc");
        return path.isAbsolute() || etc == null ? path : Path.of(etc).resolve(path);
    }

    static List<Region> load(Path file) {
        if (!Files.isRegularFile(file)) {
            LOG.warn("No region tree at {}: caseworkers cannot be given a region", file);
            return List.of();
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            List<Region> regions = new ArrayList<>();
            root.path("regions").forEach(n -> regions.add(region(n)));
            LOG.info("Region tree loaded from {}", file);
            return regions;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the region tree " + file, e);
        }
    }

    private static Region region(JsonNode n) {
        List<Region> children = new ArrayList<>();
        n.path("children").forEach(c -> children.add(region(c)));
        return new Region(
                n.path("code").asText(),
                n.path("level").asText(),
                LocalizedText.of(
                        n.path("name").path("zh").asText(), n.path("name").path("en").asText(null)),
                children);
    }
}
