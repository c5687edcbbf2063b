package io.newspipe.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Where the pages find their scripts and styles: the charting library's WebJar under {@code /webjars/}. */
public final class Assets {

    /** The one instance the templates get. */
    public static final Assets INSTANCE = new Assets();

    private final String uplot;

    private Assets() {
        Properties p = new Properties();
        try (InputStream in = Assets.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the uPlot WebJar is not on the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.uplot = "/webjars/uplot/" + p.getProperty("version") + "/dist/";
    }

    /** The uPlot script. */
    public String uplotScript() {
        return uplot + "uPlot.iife.min.js";
    }

    /** The uPlot style sheet. */
    public String uplotStyle() {
        return uplot + "uPlot.min.css";
    }
}
