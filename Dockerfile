# rodedraad as a container, for docker-compose.yml. It needs NEO4J_URI: the
# image does not carry the project's own (Java) Neo4j.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /rodedraad ./cmd/rodedraad

FROM gcr.io/distroless/static-debian12
COPY --from=build /rodedraad /rodedraad
EXPOSE 8080
ENTRYPOINT ["/rodedraad", "serve"]
