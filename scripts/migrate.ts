// npm run db:migrate — applies prisma/migrations to DATABASE_URL (or the embedded database).
import { openDatabase } from "./lib/database";

const database = await openDatabase((line) => console.log(line));
await database.stop();
