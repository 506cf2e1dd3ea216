# The app behind the edge cache (docker-compose.yml: the web service).
backend default {
    .host = "web";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 35s;
}
