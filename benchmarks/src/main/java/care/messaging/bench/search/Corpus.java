package care.messaging.bench.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic chat messages with a natural word distribution: a vocabulary of everyday and therapy words
 * followed by a long tail of made-up words, drawn by Zipf's law (s = 1), 6 to 40 words a message. The
 * benchmark's query words sit at fixed ranks, so they occur in a few percent of the messages.
 */
final class Corpus {

    static final String[] COMMON = ("the I to and you a it of for is in my that this we on be have was with "
            + "can at so but not will do what are about if me just your week time today know session "
            + "thanks feel like would there how been get think when more one next our it's help "
            + "work breathing could sleep also see still some Thursday after before good better really "
            + "things try anxiety back Monday from day them family night talk appointment exercise "
            + "school need because anxious morning again little felt tomorrow last want plan "
            + "hard well worksheet helped going medication notes journal panic calm practice bit "
            + "maybe doing thought okay home mood friday grounding homework insurance schedule stress "
            + "worry weekend reschedule thoughts difficult progress hope evening feeling partner "
            + "parents doctor forms portal message reply confirm cancel minutes early late call").split(" ");
    static final String[] SYLLABLES = ("ka lo min ter vel sa ran do pel qui ber tos al en mar vi lu "
            + "zen or ath pro con dis nor sel tan mo ri ga fu ne").split(" ");

    final List<String> words = new ArrayList<>();
    final double[] cumulative;
    final Random random;

    Corpus(long seed, int tail) {
        random = new Random(seed);
        for (var w : COMMON) {
            words.add(w);
        }
        var made = new java.util.HashSet<>(words);
        while (words.size() < COMMON.length + tail) {
            var word = new StringBuilder();
            for (int s = 2 + random.nextInt(3); s > 0; s--) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            if (made.add(word.toString())) {
                words.add(word.toString());
            }
        }
        cumulative = new double[words.size()];
        var sum = 0.0;
        for (int rank = 0; rank < words.size(); rank++) {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
    }

    String message() {
        var n = 6 + random.nextInt(35);
        var text = new StringBuilder("<p>");
        for (int i = 0; i < n; i++) {
            var word = draw();
            text.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
        }
        return text.append(".</p>").toString();
    }

    String draw() {
        var x = random.nextDouble() * cumulative[cumulative.length - 1];
        var lo = 0;
        var hi = cumulative.length - 1;
        while (lo < hi) {
            var mid = (lo + hi) >>> 1;
            if (cumulative[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return words.get(lo);
    }
}
