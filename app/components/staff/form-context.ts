"use client";
/** The state of the surrounding ActionForm, shared with its fields (errors and typed values) and its button. */
import { createContext, useContext } from "react";
import { IDLE, type FormState } from "@/lib/forms/form-state";

export const FormStateContext = createContext<{ state: FormState; pending: boolean }>({ state: IDLE, pending: false });
export const useFormStateContext = () => useContext(FormStateContext);
