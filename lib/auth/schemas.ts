import { z } from "zod";

export const signInSchema = z.object({
  email: z.email("Enter a valid email address").max(254).transform((email) => email.toLowerCase()),
  password: z.string().min(1, "Enter your password").max(1024),
});

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(100),
  email: z.email("Enter a valid email address").max(254).transform((email) => email.toLowerCase()),
  password: z.string().min(10, "Use at least 10 characters").max(1024),
  workspaceName: z.string().trim().min(1, "Name your workspace").max(100),
});
export type SignUpInput = z.infer<typeof signUpSchema>;
