package mn.zasag.exchange.internal;

/** Matching of a request against an endpoint: method or {@code *}; path segments equal, {@code {name}} or {@code *}, or {@code /**}. */
final class Endpoints {

    private Endpoints() {
    }

    static boolean matches(String endpointMethod, String endpointPath, String method, String path) {
        if (!"*".equals(endpointMethod) && !endpointMethod.equalsIgnoreCase(method)) {
            return false;
        }
        if ("/**".equals(endpointPath) || "**".equals(endpointPath)) {
            return true;
        }
        String[] want = trim(endpointPath).split("/", -1);
        String[] got = trim(path).split("/", -1);
        if (want.length != got.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            String w = want[i];
            boolean variable = w.equals("*") || (w.startsWith("{") && w.endsWith("}"));
            if (!(variable ? !got[i].isEmpty() : w.equals(got[i]))) {
                return false;
            }
        }
        return true;
    }

    private static String trim(String p) {
        String s = p == null ? "" : p;
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
