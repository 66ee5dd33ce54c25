package shop.storefront.catalog.internal.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A realistic, deterministic demo catalog: the same seed gives the same categories, products, prices
 * and stock, so tests can reason about it and benchmarks are repeatable. Pure data, no I/O.
 */
public final class DemoCatalog {

    public record CategoryRow(long id, String slug, String name, String description, Long parentId, int position) {
    }

    public record ProductRow(long id, String slug, String name, String description, String brand, String status,
            long categoryId, boolean featured, Instant createdAt) {
    }

    public record VariantRow(long productId, String sku, Map<String, String> options, BigDecimal price,
            BigDecimal compareAt, int stock, int weightGrams, int position) {
    }

    /** A picture of a product in one colour: the same kind and colour give the same picture, stored once. */
    public record ImageRow(long productId, Picture picture, String altText, int position) {
    }

    /** What a demo picture shows: a kind of product (its category) in a colour. */
    public record Picture(String kind, String colour, String hex) {
    }

    /** A product with its variants and images, generated together. */
    public record Item(ProductRow product, List<VariantRow> variants, List<ImageRow> images) {
    }

    private enum Options { SIZE_AND_COLOUR, SHOE_SIZE_AND_COLOUR, COLOUR }

    /**
     * A leaf category: its kind of options, price range, weight, the kinds of product it sells ({@code nouns}) and
     * the words that describe them ({@code adjectives}: materials and features that make sense for those nouns).
     */
    private record Leaf(String slug, String name, String parent, Options options, int minPrice, int maxPrice, int grams,
            List<String> nouns, List<String> adjectives) {
    }

    private static final List<String[]> TOP = List.of(
            new String[] {"clothing", "Clothing", "Everyday and technical clothing for every season."},
            new String[] {"footwear", "Footwear", "Shoes and boots for the road, the trail and the town."},
            new String[] {"outdoor", "Outdoor", "Gear for nights under the stars."},
            new String[] {"home", "Home & Kitchen", "Things that make a home work."},
            new String[] {"electronics", "Electronics", "Sound and power for life on the move."});

    private static final List<Leaf> LEAVES = List.of(
            new Leaf("jackets", "Jackets", "clothing", Options.SIZE_AND_COLOUR, 59, 329, 700,
                    List.of("Jacket", "Parka", "Windbreaker", "Shell Jacket"),
                    List.of("Insulated", "Waterproof", "Down", "Softshell", "Packable", "Recycled")),
            new Leaf("t-shirts", "T-shirts", "clothing", Options.SIZE_AND_COLOUR, 12, 45, 180,
                    List.of("T-shirt", "Tee", "Polo Shirt"),
                    List.of("Organic Cotton", "Merino", "Linen", "Striped", "Heavyweight", "Pima Cotton")),
            new Leaf("trousers", "Trousers", "clothing", Options.SIZE_AND_COLOUR, 35, 120, 450,
                    List.of("Chinos", "Jeans", "Joggers", "Trousers"),
                    List.of("Stretch", "Slim-fit", "Relaxed", "Tapered", "Organic Cotton", "Straight-leg")),
            new Leaf("knitwear", "Knitwear", "clothing", Options.SIZE_AND_COLOUR, 39, 160, 500,
                    List.of("Jumper", "Cardigan", "Hoodie"),
                    List.of("Merino", "Cashmere", "Lambswool", "Chunky", "Organic Cotton", "Brushed")),
            new Leaf("running-shoes", "Running shoes", "footwear", Options.SHOE_SIZE_AND_COLOUR, 69, 199, 600,
                    List.of("Running Shoe", "Trail Shoe"),
                    List.of("Cushioned", "Lightweight", "Stability", "Waterproof", "Breathable")),
            new Leaf("boots", "Boots", "footwear", Options.SHOE_SIZE_AND_COLOUR, 89, 259, 1200,
                    List.of("Boot", "Chelsea Boot", "Hiking Boot"),
                    List.of("Leather", "Suede", "Waterproof", "Insulated", "Nubuck")),
            new Leaf("sandals", "Sandals", "footwear", Options.SHOE_SIZE_AND_COLOUR, 19, 89, 400,
                    List.of("Sandal", "Slide"),
                    List.of("Leather", "Cushioned", "Recycled", "Adjustable", "Cork")),
            new Leaf("tents", "Tents", "outdoor", Options.COLOUR, 129, 699, 2500,
                    List.of("Tent", "Shelter", "Tarp"),
                    List.of("Ultralight", "Three-season", "Four-season", "Backpacking", "Two-person")),
            new Leaf("backpacks", "Backpacks", "outdoor", Options.COLOUR, 39, 249, 1100,
                    List.of("Backpack", "Daypack", "Rucksack"),
                    List.of("Roll-top", "Waterproof", "Lightweight", "Recycled", "Hiking", "Travel")),
            new Leaf("sleeping-bags", "Sleeping bags", "outdoor", Options.COLOUR, 59, 399, 1300,
                    List.of("Sleeping Bag", "Quilt"),
                    List.of("Down", "Synthetic", "Three-season", "Ultralight", "Winter")),
            new Leaf("cookware", "Cookware", "home", Options.COLOUR, 19, 179, 1800,
                    List.of("Frying Pan", "Saucepan", "Casserole"),
                    List.of("Cast-iron", "Non-stick", "Stainless Steel", "Enamelled", "Copper", "Carbon-steel")),
            new Leaf("lighting", "Lighting", "home", Options.COLOUR, 24, 219, 900,
                    List.of("Table Lamp", "Pendant Light", "Floor Lamp"),
                    List.of("Brass", "Ceramic", "Dimmable", "Rattan", "Oak", "Glass")),
            new Leaf("bedding", "Bedding", "home", Options.COLOUR, 19, 149, 1000,
                    List.of("Duvet Cover", "Pillow", "Throw"),
                    List.of("Linen", "Organic Cotton", "Washed Cotton", "Brushed Cotton", "Percale")),
            new Leaf("headphones", "Headphones", "electronics", Options.COLOUR, 29, 349, 250,
                    List.of("Headphones", "Earbuds"),
                    List.of("Wireless", "Noise-cancelling", "Bluetooth", "Sport", "Studio")),
            new Leaf("speakers", "Speakers", "electronics", Options.COLOUR, 39, 499, 1500,
                    List.of("Speaker", "Soundbar"),
                    List.of("Wireless", "Bluetooth", "Portable", "Waterproof", "Smart")),
            new Leaf("chargers", "Chargers", "electronics", Options.COLOUR, 9, 89, 200,
                    List.of("Charger", "Power Bank", "Cable"),
                    List.of("USB-C", "Fast", "Compact", "Magnetic", "Travel")));

    /** Product lines, as brands name them: the same words suit everything in one top-level category. */
    private static final Map<String, List<String>> LINES = Map.of(
            "clothing", List.of("Alpine", "Coastal", "Urban", "Classic", "Nordic", "Harbour", "Meadow", "Willow"),
            "footwear", List.of("Alpine", "Summit", "Trail", "Canyon", "Ridge", "Urban", "Granite", "Tidal"),
            "outdoor", List.of("Alpine", "Summit", "Trail", "Canyon", "Ridge", "Glacier", "Aurora", "Solstice"),
            "home", List.of("Classic", "Nordic", "Harbour", "Meadow", "Willow", "Cedar", "Ember", "Drift"),
            "electronics", List.of("Pulse", "Echo", "Volt", "Nova", "Orbit", "Arc", "Wave", "Flux"));
    private static final List<String> BRANDS = List.of("Northwind", "Fjellvik", "Cobalt & Co", "Lumen", "Harbor",
            "Kestrel", "Oakridge", "Tundra", "Pioneer", "Meridian", "Brightwater", "Saltmarsh");
    private static final List<String> COLOURS = List.of("Black", "Navy", "Olive", "Red", "Grey", "Sand", "White", "Blue");
    private static final Map<String, String> COLOUR_HEX = Map.of("Black", "2b2b2b", "Navy", "1f3a5f", "Olive", "6b7a3a",
            "Red", "b3362b", "Grey", "8a8f95", "Sand", "c9b48a", "White", "e9e6df", "Blue", "3f7cc0");
    private static final List<String> SIZES = List.of("XS", "S", "M", "L", "XL");
    /** Products without sizes come in up to this many colours. */
    private static final int MAX_COLOURS_ALONE = 5;
    /** The chance that a size is not made in a colour of a sized product's grid (its first colour has every size). */
    private static final int NOT_MADE_PERCENT = 8;
    private static final List<String> SHOE_SIZES = List.of("38", "39", "40", "41", "42", "43", "44", "45", "46");

    private final Random random;
    private final Instant now;

    public DemoCatalog(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
    }

    public List<CategoryRow> categories() {
        List<CategoryRow> rows = new ArrayList<>();
        Map<String, Long> ids = new LinkedHashMap<>();
        for (int i = 0; i < TOP.size(); i++) {
            String[] top = TOP.get(i);
            ids.put(top[0], (long) i + 1);
            rows.add(new CategoryRow(i + 1, top[0], top[1], top[2], null, i));
        }
        for (int i = 0; i < LEAVES.size(); i++) {
            Leaf leaf = LEAVES.get(i);
            rows.add(new CategoryRow(TOP.size() + i + 1, leaf.slug(), leaf.name(),
                    leaf.name() + " from independent brands, chosen for how long they last.", ids.get(leaf.parent()), i));
        }
        return rows;
    }

    /** The words a leaf category's product names are made of: "line adjective noun", e.g. "Urban Waterproof Parka". */
    record NameWords(List<String> lines, List<String> adjectives, List<String> nouns) {
    }

    /** The words product names in a leaf category may use; empty for a top-level category. */
    static Optional<NameWords> nameWords(String categorySlug) {
        return LEAVES.stream().filter(leaf -> leaf.slug().equals(categorySlug)).findFirst()
                .map(leaf -> new NameWords(LINES.get(leaf.parent()), leaf.adjectives(), leaf.nouns()));
    }

    /** Every picture a product can have: each kind (leaf category) in each colour. */
    public static List<Picture> pictures() {
        return LEAVES.stream().flatMap(leaf -> COLOURS.stream().map(c -> new Picture(leaf.name(), c, COLOUR_HEX.get(c))))
                .toList();
    }

    /** Generates products 1..count in order, handing each to {@code sink} (so huge catalogs stream). */
    public void products(int count, Consumer<Item> sink) {
        for (long id = 1; id <= count; id++) {
            int leafIndex = random.nextInt(LEAVES.size());
            sink.accept(product(id, leafIndex, LEAVES.get(leafIndex)));
        }
    }

    private Item product(long id, int leafIndex, Leaf leaf) {
        String noun = pick(leaf.nouns());
        String name = pick(LINES.get(leaf.parent())) + " " + pick(leaf.adjectives()) + " " + noun;
        String brand = pick(BRANDS);
        String slug = slugify(name) + "-" + id;
        int roll = random.nextInt(100);
        String status = roll < 2 ? "draft" : roll < 3 ? "archived" : "active";
        String description = "The " + name + " by " + brand + " is one of our " + leaf.name().toLowerCase(Locale.ROOT)
                + " for people who want quality without fuss. " + pick(List.of("Built to last for years.",
                        "Designed in Europe and tested in all weathers.", "Made with recycled materials where possible.",
                        "Backed by a two-year guarantee.", "Easy to care for and repair."));
        Instant created = now.minus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
        ProductRow product = new ProductRow(id, slug, name, description, brand, status,
                TOP.size() + leafIndex + 1, random.nextInt(100) < 6, created);

        BigDecimal price = BigDecimal.valueOf(leaf.minPrice() + random.nextInt(leaf.maxPrice() - leaf.minPrice() + 1))
                .subtract(random.nextBoolean() ? new BigDecimal("0.01") : BigDecimal.ZERO);
        BigDecimal compareAt = random.nextInt(100) < 15
                ? price.multiply(new BigDecimal("1.25")).setScale(0, RoundingMode.UP).subtract(new BigDecimal("0.01")) : null;
        List<VariantRow> variants = new ArrayList<>();
        for (Map<String, String> options : optionGrid(leaf)) {
            int stock = random.nextInt(100) < 12 ? 0 : 1 + random.nextInt(60);
            variants.add(new VariantRow(id, "SKU-" + id + "-" + (variants.size() + 1), options, price, compareAt, stock,
                    leaf.grams() + random.nextInt(leaf.grams() / 4 + 1), variants.size()));
        }
        List<ImageRow> images = new ArrayList<>();
        variants.stream().map(v -> v.options().get("colour")).distinct().forEach(c -> images.add(new ImageRow(id,
                new Picture(leaf.name(), c, COLOUR_HEX.get(c)), name + " in " + c.toLowerCase(Locale.ROOT), images.size())));
        return new Item(product, variants, images);
    }

    /**
     * The option values of a product's variants, colour by colour. Clothing and shoes come in a run of 3–4 sizes in
     * 2–3 colours, a near-full grid: now and then a size is not made in a colour other than the first (so every size
     * and every colour is still made). Other products come in 1–5 colours.
     */
    private List<Map<String, String>> optionGrid(Leaf leaf) {
        List<String> sizes = switch (leaf.options()) {
            case SIZE_AND_COLOUR -> sizeRun(SIZES);
            case SHOE_SIZE_AND_COLOUR -> sizeRun(SHOE_SIZES);
            case COLOUR -> null;
        };
        List<Map<String, String>> grid = new ArrayList<>();
        if (sizes == null) {
            int start = random.nextInt(COLOURS.size());
            int count = 1 + random.nextInt(MAX_COLOURS_ALONE);
            for (int c = 0; c < count; c++) {
                grid.add(Map.of("colour", COLOURS.get((start + c) % COLOURS.size())));
            }
            return grid;
        }
        List<String> colours = new ArrayList<>(COLOURS);
        Collections.shuffle(colours, random);
        int colourCount = 2 + random.nextInt(2);
        for (int c = 0; c < colourCount; c++) {
            for (int s = 0; s < sizes.size(); s++) {
                if (c > 0 && s > 0 && random.nextInt(100) < NOT_MADE_PERCENT) {
                    continue;
                }
                Map<String, String> options = new LinkedHashMap<>();
                options.put("size", sizes.get(s));
                options.put("colour", colours.get(c));
                grid.add(options);
            }
        }
        return grid;
    }

    private List<String> sizeRun(List<String> sizes) {
        int count = 3 + random.nextInt(2);
        int start = random.nextInt(sizes.size() - count + 1);
        return sizes.subList(start, start + count);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    static String slugify(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
