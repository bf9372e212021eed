import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.guangsha.platform.internal.document.CjkFont;
import org.guangsha.platform.internal.document.DocumentTemplates;
import org.guangsha.platform.internal.document.PdfRenderer;
import org.guangsha.platform.internal.document.RenderRequest;

/**
 * Render time of the two-page lease contract (Chinese text, QR code, one signature image), in one
 * JVM after a warm-up, and the size of the PDF. Run by render.sh:
 * java -cp <core classes and dependencies> benchmarks/RenderBenchmark.java [renders] [threads] [out.pdf]
 */
public class RenderBenchmark {
    public static void main(String[] args) throws Exception {
        int renders = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path out = args.length > 2 ? Path.of(args[2]) : null;

        long t = System.nanoTime();
        CjkFont font = new CjkFont();
        long fontMs = (System.nanoTime() - t) / 1_000_000;
        PdfRenderer renderer = new PdfRenderer(font);
        RenderRequest request = request();
        t = System.nanoTime();
        byte[] pdf = renderer.render(request);
        long firstMs = (System.nanoTime() - t) / 1_000_000;
        int warmUp = Math.max(50, renders / 2);
        for (int i = 0; i < warmUp; i++) {
            pdf = renderer.render(request);
        }

        long[] nanos = new long[renders];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long wall = System.nanoTime();
        try {
            List<Future<Long>> timings = new ArrayList<>();
            for (int i = 0; i < renders; i++) {
                timings.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    renderer.render(request);
                    return System.nanoTime() - start;
                }));
            }
            for (int i = 0; i < renders; i++) {
                nanos[i] = timings.get(i).get();
            }
        } finally {
            pool.shutdown();
        }
        wall = System.nanoTime() - wall;
        Arrays.sort(nanos);

        int pages;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            pages = document.getNumberOfPages();
        }
        if (out != null) {
            Files.write(out, pdf);
        }
        System.out.printf("font parse %d ms, first render %d ms, warm-up %d renders%n", fontMs, firstMs, warmUp);
        System.out.printf("render renders=%d threads=%d p50=%.1f ms p99=%.1f ms max=%.1f ms throughput=%.1f docs/s%n",
                renders, threads, ms(percentile(nanos, 50)), ms(percentile(nanos, 99)),
                ms(nanos[nanos.length - 1]), renders / (wall / 1e9));
        System.out.printf("pdf pages=%d size=%.1f KB%n", pages, pdf.length / 1024.0);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[(int) Math.ceil(p / 100.0 * sorted.length) - 1];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static RenderRequest request() throws Exception {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("contractNumber", "赣洪公租合〔2026〕第00457号");
        v.put("lessorName", "南昌市保障性住房运营管理有限公司");
        v.put("lessorIdNumber", "91360100MA35XXXX7K");
        v.put("lessorPhone", "0791-86661234");
        v.put("tenantName", "张秀英");
        v.put("tenantIdNumber", "360102198805124426");
        v.put("tenantPhone", "13907912345");
        v.put("cityName", "南昌市");
        v.put("projectName", "青山湖区南钢公租房小区");
        v.put("dwellingAddress", "江西省南昌市青山湖区京东大道1188号");
        v.put("building", "3");
        v.put("unit", "2");
        v.put("room", "1502");
        v.put("floorArea", "49.86");
        v.put("monthlyRent", "498.60");
        v.put("deposit", "997.20");
        v.put("termFrom", "2026年12月1日");
        v.put("termTo", "2029年11月30日");
        v.put("wechatPayment", "“南昌公租房”微信公众号—租金缴纳");
        v.put("coResidents", "李建国（配偶）、李思远（子）");
        v.put("paymentDay", "5");
        v.put("signedAt", "南昌市青山湖区住房保障服务中心");
        return new RenderRequest(
                DocumentTemplates.text(DocumentTemplates.LEASE_CONTRACT),
                v,
                "GS-2026-000123",
                LocalDate.of(2026, 11, 23),
                LocalDate.of(2029, 11, 30),
                "https://guangsha.example.cn/verify/GS-2026-000123?code=8f3a9b2c",
                Map.of("tenant", signature()),
                null);
    }

    /** A handwriting-like stroke, 600 x 200 px, as a phone would send it. */
    private static byte[] signature() throws Exception {
        BufferedImage image = new BufferedImage(600, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(20, 30, 120));
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int[] xs = new int[60];
        int[] ys = new int[60];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 20 + i * 9;
            ys[i] = (int) (100 + 60 * Math.sin(i / 3.0) * Math.cos(i / 11.0));
        }
        g.drawPolyline(xs, ys, xs.length);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
